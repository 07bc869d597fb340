// The remove of an item the explorer itself just created. After a create (persistence-probe's
// CreateFlow) the item is found by the text it typed: the one block (`article`, `li`, a row)
// that holds it. Its own controls are read there, scoped to it, so that a delete every item
// repeats is this item's: a remove in the block, or one behind a single opener in it ("more",
// "edit"), clicked with the confirm it asks accepted once. When no block holds one and the create
// opened the item's own page, the page's remove is used instead (own-page-remove.ts). Destructive,
// and allowed only because the block or page holds letters this replay typed a moment ago in a
// context of its own: nothing that was there before can hold them. Two replays at once, each with
// letters of its own, compare.
import type { Page } from '@playwright/test';
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
import { REMOVES, dialogConfirm, goneFromPage, isOwnPage, pageRemove, placesOf } from './own-page-remove.ts';
import { replayCreate } from './persistence-probe.ts';
import { replayProblems, replayTwice } from './replay-twice.ts';
import type { PersistenceTarget } from './persistence-probe.ts';
import { waitForSettled } from './settle-page.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

const OPENS = /\b(edit|more|actions|options|menu)\b/i;
export const MAX_OPENERS = 2;
const QUIET_MS = 400;
const SHOWN_WAIT_MS = 5_000;

export type OwnItemTarget = Pick<PersistenceTarget, 'create' | 'page' | 'elements'>;

interface Tried {
  /**
   * The opener clicked first, if any, then the remove; on the item's own page, the remove, then
   * the confirm of the dialog it opened when it asked in one.
   */
  steps: Control[];
  /** What showed the item gone, under the create's mark; none when it did not go. */
  gone: UiEffect[];
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
  const attempt = () => tryRemove(env, target);
  const { outcomes, retried } = await replayTwice(attempt, attempt);
  const [primary, replica] = outcomes;
  const problems = replayProblems(`own item of ${target.create.flow.id}`, outcomes, retried);
  const last = primary.steps.length - 1;
  if (primary.error || last < 0) return { state: undefined, elements: [], problems };
  // An opener only shows the remove; the remove and its dialog's confirm both remove.
  const elements = primary.steps.map((control, index) =>
    controlElement(
      control,
      freeId(`own-item-${whereOf(control)}${control.role}-${slug(control.name, 30)}`, taken),
      {
        destructive: index === last || REMOVES.test(control.name),
      },
    ),
  );
  const acted = elements.at(-1)!;
  const effects: UiEffect[] = [
    ...primary.gone,
    ...primary.dialogs.map((dialog) => ({
      kind: 'dialog' as const,
      type: dialog.type,
      message: dialog.message,
    })),
  ];
  const interaction: ObservedInteraction = {
    id: `click-${acted.id}`,
    setup: elements.slice(0, -1).map((element) => ({ kind: 'click' as const, target: element.id })),
    action: {
      kind: 'click',
      target: acted.id,
      ...(primary.dialogs.some((dialog) => dialog.type === 'confirm') ? { acceptDialog: true as const } : {}),
    },
    effects,
    reproducible: replica.error === undefined && replica.signature === primary.signature,
  };
  return { state: ownItemState(target, interaction), elements, problems };
}

/** `dialog-` for a dialog's confirm: it often repeats the name of the remove that opened it. */
function whereOf(control: Control): string {
  const { within } = control.locator;
  return within?.strategy === 'role' ? `${within.role}-` : '';
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
  const { asRecorded } = own;
  const text = (own.swap(typed) as typeof typed).value;
  const none = (signature: string): Tried => ({ steps: [], gone: [], dialogs: [], signature });
  let session: PageSession | undefined;
  try {
    session = (await replayCreate(env, target, own)).session;
    const { page, events } = session;
    const settle = () => waitForSettled(page, session!.network, { quietMs: QUIET_MS, timeoutMs: 3_000 });
    // A create that opened the item's own page may leave it still fetching what it shows.
    await page
      .getByText(text)
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: SHOWN_WAIT_MS })
      .catch(() => undefined);
    const item = await ownBlock(page, text);
    const inItem = item ? await removeInItem(page, item, settle) : [];
    // No block of its own holds a remove: the create may have opened the item's own page.
    const ownPage = inItem.length === 0 && (await isOwnPage(page, text));
    const onPage = ownPage ? await pageRemove(page, text) : undefined;
    const steps = onPage ? [onPage] : inItem;
    const remove = steps.at(-1);
    if (!remove) return none(item || ownPage ? 'no remove' : 'no block');
    const from = page.url();
    const framed = onPage ? await placesOf(page, text) : [];
    const cursor = events.cursor();
    events.acceptNextDialog();
    await toPlaywrightLocator(page, remove.locator).click({ timeout: 3_000 });
    await settle();
    const confirm = onPage ? await dialogConfirm(page, onPage) : undefined;
    if (confirm === 'unanswered') return none('no confirm');
    if (confirm) {
      await toPlaywrightLocator(page, confirm.locator).click({ timeout: 3_000 });
      await settle();
      steps.push(confirm);
    }
    events.keepDismissing();
    const dialogs = asRecorded(events.since(cursor).dialogs);
    const gone = asRecorded(
      onPage ? await goneFromPage(page, text, from, framed) : await goneFromBlock(page, item!),
    );
    const recorded = asRecorded(steps);
    // The page left, by where the app landed: an item's page named by its id is another each time.
    const signature = [
      ...recorded.map((control) => `${control.role} ${control.name}`),
      ...gone.map((effect) => JSON.stringify(effect.kind === 'url-changed' ? effect.to : effect)),
      ...dialogs.map((dialog) => `${dialog.type} ${dialog.message}`),
    ].join('|');
    return { steps: recorded, gone, dialogs, signature };
  } catch (error) {
    return { ...none(''), error: briefError(error) };
  } finally {
    if (session) await closePageSession(session);
  }
}

/**
 * The item's remove in its block, or behind one opener in it: the steps to click (the opener,
 * then the remove); none when neither shows one.
 */
async function removeInItem(page: Page, item: UiLocator, settle: () => Promise<unknown>): Promise<Control[]> {
  const inItem = await controlsIn(page, item);
  const direct = inItem.find((control) => REMOVES.test(control.name));
  if (direct) return [direct];
  const openers = inItem.filter((control) => OPENS.test(control.name) && !looksDestructive(control.name));
  for (const opener of openers.slice(0, MAX_OPENERS)) {
    const before = new Set((await controlsOnPage(page, REMOVES)).map((control) => control.name));
    await toPlaywrightLocator(page, opener.locator).click({ timeout: 3_000 });
    await settle();
    // In the block still (a menu it opened), or new on the page once the item's opener was
    // clicked (its editor, a menu shown elsewhere): either way the item's own.
    const stillThere = (await toPlaywrightLocator(page, item).count()) === 1;
    const remove =
      (stillThere
        ? (await controlsIn(page, item)).find((control) => REMOVES.test(control.name))
        : undefined) ?? (await controlsOnPage(page, REMOVES)).find((control) => !before.has(control.name));
    if (remove) return [opener, remove];
    await page.keyboard.press('Escape');
    await settle();
  }
  return [];
}

/**
 * The item's block, not its text: the text may be shown twice (a heading, a link to it) while
 * the app animates the removal, and a check of a text shown twice fails before it is gone.
 */
async function goneFromBlock(page: Page, item: UiLocator): Promise<UiEffect[]> {
  const shown = await toPlaywrightLocator(page, item).filter({ visible: true }).count();
  return shown === 0 ? [{ kind: 'disappeared', target: item }] : [];
}
