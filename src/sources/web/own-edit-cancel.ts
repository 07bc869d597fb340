// An edit of the explorer's own item, cancelled: the item is left as it was. On a replay of the
// create, the item's editor is opened in its block as the edit probe opens it (own-editor.ts), a
// text of the explorer's own is typed into the box holding the created text, and the edit is left
// with the editor's own cancel: a control new on the page since the edit whose name leaves an
// edit ("Cancel", "Close"), never one that reads destructive; else Escape in the box. A confirm
// the cancel asks ("Discard changes?") is accepted once. Then the block holding the created text
// is shown again and nothing shows the typed text. Only ever on the block holding letters this
// replay typed a moment ago in a context of its own. Two replays, each with letters of its own,
// compare.
import type {
  ObservedInteraction,
  PageState,
  UiAction,
  UiEffect,
  UiElement,
  UiLocator,
} from '../../core/page-model.ts';
import { looksDestructive } from './destructive.ts';
import { LEAVES_EDIT, controlsOnPage, namesShown, ownBlock } from './item-controls.ts';
import type { Control } from './item-controls.ts';
import { editorElements, editorInteraction, openEditor } from './own-editor.ts';
import { ownItemState } from './own-item-probe.ts';
import type { OwnItemTarget } from './own-item-probe.ts';
import { ownLetters } from './own-marks.ts';
import type { SeenDialog } from './page-events.ts';
import { briefError } from './page-issues.ts';
import { closePageSession } from './page-session.ts';
import type { ExplorationEnv, PageSession } from './page-session.ts';
import { performAction } from './perform-action.ts';
import { replayCreate } from './persistence-probe.ts';
import { replayProblems, replayTwice } from './replay-twice.ts';
import { markedText, newMark } from './sample-values.ts';
import { waitForSettled } from './settle-page.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

const QUIET_MS = 400;
// An app may animate the editor away before the item shows again.
const SHOWN_WAIT_MS = 3_000;

type Fill = Extract<UiAction, { kind: 'fill' }> & { mark: string };

interface Tried {
  steps: Control[];
  box?: UiLocator;
  /** The editor's cancel, or none (Escape in the box). */
  cancel?: Control;
  /** The item's block as located before the edit, shown again after the cancel; none when not. */
  shown?: UiLocator;
  /** The typed text is shown somewhere after the cancel (the cancel kept it). */
  kept: boolean;
  dialogs: SeenDialog[];
  signature: string;
  error?: string;
}

/**
 * The created item's edit cancelled, tried on two replays of the create: a state of the page as
 * the create left it (`inPlace`) whose interaction types a text into the item's title and leaves
 * the edit, checking the item shown as created and the typed text nowhere; the elements it added.
 * No state when no editor opened in the item's block, or the item did not show as it was.
 */
export async function probeOwnEditCancel(
  env: ExplorationEnv,
  target: OwnItemTarget,
  taken: Set<string>,
): Promise<{ state: PageState | undefined; elements: UiElement[]; problems: string[] }> {
  const mark = newMark();
  const { value } = markedText('cancelled', mark, undefined);
  const fill: Fill = { kind: 'fill', target: '', value, mark };
  const attempt = () => tryCancel(env, target, fill);
  const { outcomes, retried } = await replayTwice(attempt, attempt);
  const [primary, replica] = outcomes;
  const where = `own edit of ${target.create.flow.id}, cancelled`;
  const problems = replayProblems(where, outcomes, retried);
  const { box, shown } = primary;
  const none = (problem?: string) => ({
    state: undefined,
    elements: [],
    problems: [...problems, ...(problem ? [`${where}: ${problem}`] : [])],
  });
  if (primary.error || !box) return none();
  const how = primary.cancel ? `"${primary.cancel.name}"` : 'Escape';
  if (primary.kept) return none(`"${value}" still shown after ${how}`);
  if (shown?.strategy !== 'item') return none(`"${target.create.typed.value}" not shown again after ${how}`);
  const editor = { steps: primary.steps, box, leave: primary.cancel };
  const recorded = editorElements(target, taken, editor);
  // The typed text checked absent as a block of the kind the item is shown in (a text check
  // fails on two matches where an app shows it twice). `disappeared` is checked as hidden: the
  // text was only ever in the box, so no block holding it is shown, before or after.
  const effects: UiEffect[] = [
    { kind: 'appeared', target: shown, text: undefined },
    { kind: 'disappeared', target: { ...shown, text: value } },
    ...primary.dialogs.map((dialog) => ({
      kind: 'dialog' as const,
      type: dialog.type,
      message: dialog.message,
    })),
  ];
  const accept = primary.dialogs.some((dialog) => dialog.type === 'confirm')
    ? { acceptDialog: true as const }
    : {};
  const interaction: ObservedInteraction = {
    ...editorInteraction('own-cancel', recorded, fill, 'Escape', accept),
    effects,
    reproducible: replica.error === undefined && replica.signature === primary.signature,
  };
  return { state: ownItemState(target, interaction), elements: recorded.added, problems };
}

async function tryCancel(env: ExplorationEnv, target: OwnItemTarget, planned: Fill): Promise<Tried> {
  const { typed } = target.create;
  const own = ownLetters([typed.mark, planned.mark]);
  const { asRecorded } = own;
  const text = (own.swap(typed) as Fill).value;
  const fill = own.swap(planned) as Fill;
  const none = (signature: string): Tried => ({ steps: [], kept: false, dialogs: [], signature });
  let session: PageSession | undefined;
  try {
    session = (await replayCreate(env, target, own)).session;
    const { page, events } = session;
    const settle = () => waitForSettled(page, session!.network, { quietMs: QUIET_MS, timeoutMs: 3_000 });
    const item = await ownBlock(page, text);
    if (!item) return none('no block');
    const before = await namesShown(page, LEAVES_EDIT);
    const opened = await openEditor(page, item, text, target, settle);
    if (!opened) return none('no edit');
    await performAction(page, opened.box, fill);
    await settle();
    const cancel = (await controlsOnPage(page, LEAVES_EDIT)).find(
      (control) => !before.has(control.name) && !looksDestructive(control.name),
    );
    const cursor = events.cursor();
    // A cancel of a changed text may ask first ("Discard changes?"): that one confirm is accepted.
    events.acceptNextDialog();
    if (cancel) await toPlaywrightLocator(page, cancel.locator).click({ timeout: 3_000 });
    else await toPlaywrightLocator(page, opened.box).press('Escape', { timeout: 3_000 });
    await settle();
    events.keepDismissing();
    const block = toPlaywrightLocator(page, item).filter({ visible: true });
    await block
      .first()
      .waitFor({ timeout: SHOWN_WAIT_MS })
      .catch(() => undefined);
    const shown = (await block.count()) === 1 ? item : undefined;
    const kept = (await page.getByText(fill.value).filter({ visible: true }).count()) > 0;
    const dialogs = asRecorded(events.since(cursor).dialogs);
    const recorded = asRecorded({ steps: opened.steps, box: opened.box, cancel, shown });
    const signature = [
      ...recorded.steps.map((control) => `${control.role} ${control.name}`),
      JSON.stringify(recorded.box),
      recorded.cancel ? `${recorded.cancel.role} ${recorded.cancel.name}` : 'Escape',
      JSON.stringify(recorded.shown ?? null),
      String(kept),
      ...dialogs.map((dialog) => `${dialog.type} ${dialog.message}`),
    ].join('|');
    return { ...recorded, kept, dialogs, signature };
  } catch (error) {
    return { ...none(''), error: briefError(error) };
  } finally {
    if (session) await closePageSession(session);
  }
}
