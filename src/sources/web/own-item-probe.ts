// The remove of an item the explorer itself just created. After a create (persistence-probe's
// CreateFlow) the item is found by the text it typed: the one block (`article`, `li`, a row)
// that holds it. Its own controls are read there, scoped to it, so that a delete every item
// repeats is this item's: a remove in the block, or one behind a single opener in it ("more",
// "edit"), clicked with the confirm it asks accepted once. Destructive, and allowed only because
// the block holds letters this replay typed a moment ago in a context of its own: nothing that
// was there before can hold them. Two replays at once, each with letters of its own, compare.
import type {
  ObservedInteraction,
  PageState,
  UiEffect,
  UiElement,
  UiLocator,
} from '../../core/page-model.ts';
import { looksDestructive } from './destructive.ts';
import { freeId, slug } from './element-ids.ts';
import type { SeenDialog } from './page-events.ts';
import { controlElement, controlsIn, controlsOnPage, ownBlock } from './item-controls.ts';
import type { Control } from './item-controls.ts';
import { briefError } from './page-issues.ts';
import { closePageSession } from './page-session.ts';
import type { ExplorationEnv, PageSession } from './page-session.ts';
import { ownLetters } from './own-marks.ts';
import { replayCreate } from './persistence-probe.ts';
import type { PersistenceTarget } from './persistence-probe.ts';
import { waitForSettled } from './settle-page.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

const REMOVES = /\b(delete|remove|trash)\b/i;
const OPENS = /\b(edit|more|actions|options|menu)\b/i;
export const MAX_OPENERS = 2;
const QUIET_MS = 400;

export type OwnItemTarget = Pick<PersistenceTarget, 'create' | 'page' | 'elements'>;

interface Tried {
  /** The opener clicked first, if any, then the remove. */
  steps: Control[];
  /** The item's block, as located before the remove. */
  item?: UiLocator;
  gone: boolean;
  dialogs: SeenDialog[];
  signature: string;
  error?: string;
}

/**
 * The created item's remove, tried on two replays of the create: a state of the page as the
 * create left it (`inPlace`) with that remove as its interaction, and the controls it used (to
 * be added to the page's elements after the create's flow); undefined when none was found.
 */
export async function probeOwnItem(
  env: ExplorationEnv,
  target: OwnItemTarget,
  taken: Set<string>,
): Promise<{ state: PageState | undefined; elements: UiElement[]; problems: string[] }> {
  const [primary, replica] = await Promise.all([tryRemove(env, target), tryRemove(env, target)]);
  const problems = [primary.error, replica.error].flatMap((error) =>
    error ? [`own item of ${target.create.flow.id}: ${error}`] : [],
  );
  const remove = primary.steps.at(-1);
  if (primary.error || !remove) return { state: undefined, elements: [], problems };
  const elements = primary.steps.map((control, index) =>
    controlElement(control, freeId(`own-item-${control.role}-${slug(control.name, 30)}`, taken), {
      destructive: index === primary.steps.length - 1,
    }),
  );
  const opener = elements.length > 1 ? elements[0] : undefined;
  const removeElement = elements.at(-1)!;
  // The item's block, not its text: the text may be shown twice (a heading, a link to it) while
  // the app animates the removal, and a check of a text shown twice fails before it is gone.
  const effects: UiEffect[] = [
    ...(primary.gone && primary.item ? [{ kind: 'disappeared' as const, target: primary.item }] : []),
    ...primary.dialogs.map((dialog) => ({
      kind: 'dialog' as const,
      type: dialog.type,
      message: dialog.message,
    })),
  ];
  const interaction: ObservedInteraction = {
    id: `click-${removeElement.id}`,
    setup: opener ? [{ kind: 'click', target: opener.id }] : [],
    action: {
      kind: 'click',
      target: removeElement.id,
      ...(primary.dialogs.some((dialog) => dialog.type === 'confirm') ? { acceptDialog: true as const } : {}),
    },
    effects,
    reproducible: replica.error === undefined && replica.signature === primary.signature,
  };
  return { state: ownItemState(target, interaction), elements, problems };
}

/** The page as the create left it (`inPlace`), with one interaction on the created item. */
export function ownItemState(target: OwnItemTarget, interaction: ObservedInteraction): PageState {
  return {
    flow: target.create.flow.id,
    effects: [],
    reproducible: interaction.reproducible,
    interactions: [interaction],
    sharedLinks: [],
    inPlace: true,
  };
}

async function tryRemove(env: ExplorationEnv, target: OwnItemTarget): Promise<Tried> {
  const { typed } = target.create;
  const own = ownLetters([typed.mark]);
  const asRecorded = <T>(value: T): T => JSON.parse(own.asPlanned(JSON.stringify(value))) as T;
  const text = (own.swap(typed) as typeof typed).value;
  let session: PageSession | undefined;
  try {
    session = (await replayCreate(env, target, own)).session;
    const { page, events } = session;
    const settle = () => waitForSettled(page, session!.network, { quietMs: QUIET_MS, timeoutMs: 3_000 });
    const item = await ownBlock(page, text);
    if (!item) return { steps: [], gone: false, dialogs: [], signature: 'no block' };
    const steps: Control[] = [];
    const inItem = await controlsIn(page, item);
    let remove = inItem.find((control) => REMOVES.test(control.name));
    const openers = inItem.filter((control) => OPENS.test(control.name) && !looksDestructive(control.name));
    for (const opener of remove ? [] : openers.slice(0, MAX_OPENERS)) {
      const before = new Set((await controlsOnPage(page, REMOVES)).map((control) => control.name));
      await toPlaywrightLocator(page, opener.locator).click({ timeout: 3_000 });
      await settle();
      // In the block still (a menu it opened), or new on the page once the item's opener was
      // clicked (its editor, a menu shown elsewhere): either way the item's own.
      const stillThere = (await toPlaywrightLocator(page, item).count()) === 1;
      remove =
        (stillThere
          ? (await controlsIn(page, item)).find((control) => REMOVES.test(control.name))
          : undefined) ?? (await controlsOnPage(page, REMOVES)).find((control) => !before.has(control.name));
      if (remove) {
        steps.push(opener);
        break;
      }
      await page.keyboard.press('Escape');
      await settle();
    }
    if (!remove) return { steps: [], gone: false, dialogs: [], signature: 'no remove' };
    steps.push(remove);
    const cursor = events.cursor();
    events.acceptNextDialog();
    await toPlaywrightLocator(page, remove.locator).click({ timeout: 3_000 });
    await settle();
    events.keepDismissing();
    const dialogs = asRecorded(events.since(cursor).dialogs);
    const shown = await toPlaywrightLocator(page, item).filter({ visible: true }).count();
    const gone = shown === 0;
    const recorded = asRecorded(steps);
    const signature = [
      ...recorded.map((control) => `${control.role} ${control.name}`),
      String(gone),
      ...dialogs.map((dialog) => `${dialog.type} ${dialog.message}`),
    ].join('|');
    return { steps: recorded, item: asRecorded(item), gone, dialogs, signature };
  } catch (error) {
    return { steps: [], gone: false, dialogs: [], signature: '', error: briefError(error) };
  } finally {
    if (session) await closePageSession(session);
  }
}
