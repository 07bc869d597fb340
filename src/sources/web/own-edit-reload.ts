// Whether the change of the explorer's own item lasts a reload. Each replay of the own edit
// (own-edit-probe.ts), once the edit is committed, lets the app's writes go out, opens the
// create's page again and looks for the new text: the block holding it shown (and then the block
// holding the old text gone), or the page's search box finding it. Recorded as the create's own
// persistence is (persistence-probe.ts): the create and the edit as a flow of their own, and a
// `reloaded` state of it. Nothing is recorded when the new text was not seen again (an app that
// keeps the change in memory only): that is said as observed, and no test claims it lasts.
import type {
  ObservedInteraction,
  PageState,
  StateFlow,
  UiAction,
  UiEffect,
  UiElement,
  UiLocator,
} from '../../core/page-model.ts';
import { ownBlock } from './item-controls.ts';
import { briefError } from './page-issues.ts';
import type { ExplorationEnv, PageSession } from './page-session.ts';
import type { OwnItemTarget } from './own-item-probe.ts';
import { reloadOnceSaved, searchFor } from './persistence-probe.ts';
import type { NetworkTracker } from './settle-page.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

type Fill = Extract<UiAction, { kind: 'fill' }> & { mark: string };

/** The created item, and the page's search box to look for it with after a reload. */
export type OwnEditTarget = OwnItemTarget & { search: UiElement | undefined };

export interface AfterReload {
  /** The block holding the new text, as recorded; none when the page does not show it. */
  renamed?: UiLocator;
  /** The block that held the old text, as recorded, when gone; looked at only where the new one shows. */
  gone?: UiLocator;
  /** What the page's search showed for the new text, as recorded (one replay's). */
  search: UiEffect[];
  /** The search showed the new text. */
  found: boolean;
  signature: string;
  error?: string;
}

export interface ReloadLook {
  writes: NetworkTracker;
  /** The new text as this replay typed it, and the block that held the old one. */
  text: string;
  old: UiLocator;
  search: UiElement | undefined;
  asRecorded: <T>(value: T) => T;
  resolve: boolean;
}

/** Once the edit's writes went out, the create's page opened again and the new text looked for. */
export async function lookAfterReload(
  env: ExplorationEnv,
  session: PageSession,
  target: OwnItemTarget,
  look: ReloadLook,
): Promise<AfterReload> {
  try {
    await reloadOnceSaved(env, session, look.writes, target.page.url);
    const { page } = session;
    const block = await ownBlock(page, look.text);
    const shown = block && (await toPlaywrightLocator(page, block).filter({ visible: true }).count()) === 1;
    const renamed = shown ? look.asRecorded(block) : undefined;
    const gone =
      renamed && (await toPlaywrightLocator(page, look.old).filter({ visible: true }).count()) === 0
        ? look.asRecorded(look.old)
        : undefined;
    const searched = look.search
      ? await searchFor(session, look.search, look.text, look)
      : { effects: [], signature: '', found: false };
    const signature = [renamed, gone].map((one) => JSON.stringify(one ?? null));
    signature.push(String(searched.found), searched.signature);
    return {
      ...(renamed ? { renamed } : {}),
      ...(gone ? { gone } : {}),
      search: searched.effects,
      found: searched.found,
      signature: signature.join('|'),
    };
  } catch (error) {
    return { search: [], found: false, signature: '', error: briefError(error) };
  }
}

/**
 * The edit's reload, when both replays saw it: the create and the edit as a flow, and its
 * `reloaded` state (the renamed block shown and the old one gone, or the search finding the new
 * text); else what was observed, as a problem. Only for an edit found reproducible.
 */
export function reloadedEdit(
  target: OwnEditTarget,
  edit: ObservedInteraction,
  fill: Fill,
  [primary, replica]: [AfterReload | undefined, AfterReload | undefined],
): { flow?: StateFlow; state?: PageState; problems: string[] } {
  if (!edit.reproducible || !primary) return { problems: [] };
  const where = `own edit of ${target.create.flow.id}`;
  if (primary.error) return { problems: [`${where}, after a reload: ${primary.error}`] };
  const searched = target.search && primary.found && primary.search.length > 0 ? target.search : undefined;
  if (!primary.renamed && !searched) {
    const how = target.search ? ', nor found by its search' : '';
    return {
      problems: [
        `${where}: not kept across a reload ("${fill.value}" not shown on ${target.page.url}${how})`,
      ],
    };
  }
  const flow: StateFlow = {
    id: `${target.create.flow.id}-then-${edit.action.target}`,
    page: target.create.flow.page,
    actions: [...target.create.flow.actions, ...edit.setup, edit.action],
  };
  const effects: UiEffect[] = primary.renamed
    ? [
        { kind: 'appeared', target: primary.renamed, text: undefined },
        ...(primary.gone ? [{ kind: 'disappeared' as const, target: primary.gone }] : []),
      ]
    : [];
  const reproducible = replica?.error === undefined && replica?.signature === primary.signature;
  const interactions: ObservedInteraction[] = searched
    ? [
        {
          id: `fill-${searched.id}-after-reload`,
          setup: [],
          action: { kind: 'fill', target: searched.id, value: fill.value, mark: fill.mark },
          effects: primary.search,
          reproducible,
        },
      ]
    : [];
  const state: PageState = {
    flow: flow.id,
    effects,
    reproducible,
    interactions,
    sharedLinks: [],
    reloaded: true,
  };
  return { flow, state, problems: [] };
}
