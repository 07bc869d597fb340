// Whether what a create made is still there after a reload. The create found in a state (type a
// text of its own into the editor a flow opened, commit) becomes a flow of its own: replayed in a
// fresh context with letters of its own (an app that keeps data refuses the same title twice),
// then the app's writes are let go out (many save a moment after a change), the page is opened
// again, and the created text looked for: shown on the page, or found by the page's search box.
// What each replay saw is recorded under the create's recorded mark, so two replays compare.
import type {
  ObservedInteraction,
  PageModel,
  PageState,
  StateFlow,
  UiAction,
  UiEffect,
  UiElement,
} from '../../core/page-model.ts';
import { MAX_EFFECTS, TargetResolver, byPriority, isHiddenChange } from './effect-targets.ts';
import { DESKTOP_VIEWPORT } from './explore-page.ts';
import { replayStep, visit } from './flow-session.ts';
import { callInPage, keysOfMatches } from './in-page-script.ts';
import type { PageSnapshot } from './in-page-types.ts';
import { isWrite } from './page-events.ts';
import { briefError } from './page-issues.ts';
import { closePageSession, openPageSession } from './page-session.ts';
import type { ExplorationEnv, PageSession } from './page-session.ts';
import { ownLetters } from './own-marks.ts';
import type { OwnLetters } from './own-marks.ts';
import { replayProblems, replayTwice } from './replay-twice.ts';
import { NetworkTracker, waitForSettled } from './settle-page.ts';
import { changesSignature, diffSnapshots } from './snapshot-diff.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

const TYPING_QUIET_MS = 400;
// Writes an app sends a moment after a change (a save throttled to a second) must have gone
// out before the reload: no write for this long, none in flight, bounded.
export const WRITES_QUIET_MS = 1_500;
const WRITES_TIMEOUT_MS = 10_000;

/** A create seen in a state, as a flow: the state's flow, then the create's own steps. */
export interface CreateFlow {
  flow: StateFlow;
  /** The marked fill whose text the create showed. */
  typed: Extract<UiAction, { kind: 'fill' }> & { mark: string };
}

/**
 * The first reproducible interaction of a state that typed a marked text and then showed that
 * text (the created item under its own title), or opened a page whose address holds it (the new
 * item's own page, `/things/<name>`: many apps go there once the item is made), as a flow that
 * goes on from the state's flow.
 */
export function createFlowOf(base: StateFlow, interactions: ObservedInteraction[]): CreateFlow | undefined {
  for (const interaction of interactions) {
    if (!interaction.reproducible || interaction.action.kind !== 'click') continue;
    const typed = interaction.setup.find(
      (step): step is CreateFlow['typed'] => step.kind === 'fill' && step.mark !== undefined,
    );
    if (
      !typed ||
      !interaction.effects.some(
        (effect) => showsText(effect, typed.value) || opensItsPage(effect, typed.value),
      )
    )
      continue;
    return {
      flow: {
        id: `${base.id}-then-${interaction.action.target}`,
        page: base.page,
        actions: [...base.actions, ...interaction.setup, interaction.action],
      },
      typed,
    };
  }
  return undefined;
}

function opensItsPage(effect: UiEffect, text: string): boolean {
  if (effect.kind !== 'url-changed') return false;
  const path = (url: string) => {
    try {
      return decodeURIComponent(new URL(url).pathname);
    } catch {
      return '';
    }
  };
  return path(effect.to).split('/').includes(text) && !path(effect.from).split('/').includes(text);
}

function showsText(effect: UiEffect, text: string): boolean {
  if (effect.kind !== 'appeared') return false;
  const name =
    'name' in effect.target ? effect.target.name : 'text' in effect.target ? effect.target.text : '';
  return effect.text === text || name === text;
}

export interface PersistenceTarget {
  create: CreateFlow;
  page: PageModel;
  /** Every element the flow's actions and the search need (the state's own among them). */
  elements: UiElement[];
  /** The page's search box, if it has one. */
  search: UiElement | undefined;
}

interface Replay {
  shown: boolean;
  effects: UiEffect[];
  signature: string;
  error?: string;
}

/**
 * The create replayed twice at once, each page reloaded once its writes went out: a state of the
 * page (`reloaded`) that shows the text, or whose search box finds it; undefined when neither.
 */
export async function probePersistence(
  env: ExplorationEnv,
  target: PersistenceTarget,
): Promise<{ state: PageState | undefined; problems: string[] }> {
  const { outcomes, retried } = await replayTwice(
    () => replayAndReload(env, target, true),
    () => replayAndReload(env, target, false),
  );
  const [primary, replica] = outcomes;
  const problems = replayProblems(`persistence of ${target.create.flow.id}`, outcomes, retried);
  if (primary.error) return { state: undefined, problems };
  const { typed } = target.create;
  const shownEffect: UiEffect[] = primary.shown
    ? [
        {
          kind: 'appeared',
          target: { strategy: 'text', text: typed.value, exact: true },
          text: typed.value,
        },
      ]
    : [];
  const reproducible = replica.error === undefined && replica.signature === primary.signature;
  const interactions: ObservedInteraction[] =
    target.search && primary.effects.length > 0
      ? [
          {
            id: `fill-${target.search.id}-after-reload`,
            setup: [],
            action: { kind: 'fill', target: target.search.id, value: typed.value, mark: typed.mark },
            effects: primary.effects,
            reproducible,
          },
        ]
      : [];
  if (shownEffect.length === 0 && interactions.length === 0) return { state: undefined, problems };
  const state: PageState = {
    flow: target.create.flow.id,
    effects: shownEffect,
    reproducible: reproducible && replica.shown === primary.shown,
    interactions,
    sharedLinks: [],
    reloaded: true,
  };
  return { state, problems };
}

async function replayAndReload(
  env: ExplorationEnv,
  target: PersistenceTarget,
  resolve: boolean,
): Promise<Replay> {
  const { typed } = target.create;
  const own = ownLetters([typed.mark]);
  const { asRecorded } = own;
  let session: PageSession | undefined;
  try {
    const replayed = await replayCreate(env, target, own);
    session = replayed.session;
    const page = session.page;
    await reloadOnceSaved(env, session, replayed.writes, target.page.url);
    const { value: text } = own.swap(typed) as CreateFlow['typed'];
    const shown = await page
      .getByText(text, { exact: true })
      .first()
      .isVisible()
      .catch(() => false);
    if (!target.search) return { shown, effects: [], signature: String(shown) };
    const searched = await searchFor(session, target.search, text, { asRecorded, resolve });
    return { shown, effects: searched.effects, signature: `${shown} ${searched.signature}` };
  } catch (error) {
    return { shown: false, effects: [], signature: '', error: briefError(error) };
  } finally {
    if (session) await closePageSession(session);
  }
}

/**
 * The page opened in a fresh context and the create replayed with `own` letters: the session (the
 * caller closes it; closed here when the replay fails) and the writes it made.
 */
export async function replayCreate(
  env: ExplorationEnv,
  target: Pick<PersistenceTarget, 'create' | 'page' | 'elements'>,
  own: OwnLetters,
): Promise<{ session: PageSession; writes: NetworkTracker }> {
  const byId = new Map(target.elements.map((element) => [element.id, element]));
  const session = await openPageSession(env, target.page.url, { viewport: DESKTOP_VIEWPORT });
  try {
    const page = session.page;
    const writes = new NetworkTracker(page, isWrite);
    for (const action of target.create.flow.actions) {
      const element = byId.get(action.target);
      if (!element) throw new Error(`no element "${action.target}"`);
      await replayStep(env, session, element.locator, own.swap(action));
    }
    return { session, writes };
  } catch (error) {
    await closePageSession(session);
    throw error;
  }
}

/** Once the replay's writes went out (bounded), the page at `url` opened again and settled. */
export async function reloadOnceSaved(
  env: ExplorationEnv,
  session: PageSession,
  writes: NetworkTracker,
  url: string,
): Promise<void> {
  await writesSettled(writes, WRITES_QUIET_MS, WRITES_TIMEOUT_MS);
  await visit(env, session, url);
}

export interface Searched {
  /** What the search changed, under the recorded marks; resolved only when asked (one replay's). */
  effects: UiEffect[];
  /** The changes, to compare two replays by. */
  signature: string;
  /** The text then shows on the page outside the box: the search found it. */
  found: boolean;
}

/** The text typed into the page's search box: what that changed on the page. */
export async function searchFor(
  session: PageSession,
  search: UiElement,
  text: string,
  options: { asRecorded: <T>(value: T) => T; resolve: boolean },
): Promise<Searched> {
  const { page } = session;
  const box = toPlaywrightLocator(page, search.locator);
  const [key] = await keysOfMatches(box);
  const before = options.asRecorded(await callInPage<PageSnapshot>(page, 'snapshot'));
  await box.fill(text, { timeout: 3_000 });
  await waitForSettled(page, session.network, { quietMs: TYPING_QUIET_MS, timeoutMs: 3_000 });
  const after = options.asRecorded(await callInPage<PageSnapshot>(page, 'snapshot'));
  const changes = byPriority(diffSnapshots(before, after, key).changes);
  // A box's own value is no text of the page: shown elsewhere, a result holds it.
  const found = (await page.getByText(text).filter({ visible: true }).count()) > 0;
  const signature = changesSignature(changes);
  if (!options.resolve) return { effects: [], signature, found };
  const known = new Map(key ? [[key, search.locator]] : []);
  const visible = changes.filter((change) => !isHiddenChange(change));
  // Locators read from the page carry this replay's letters: recorded under the create's mark.
  const effects = options.asRecorded(await new TargetResolver(page, known).toEffects(visible, MAX_EFFECTS));
  return { effects, signature, found };
}

/** Until no write is in flight and none started for `quietMs`, or `timeoutMs` passes. */
async function writesSettled(writes: NetworkTracker, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && writes.quietMs() < quietMs)
    await new Promise((resolve) => setTimeout(resolve, 100));
}
