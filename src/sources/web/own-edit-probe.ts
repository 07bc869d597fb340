// The change of an item the explorer itself just created, through the item's own edit control.
// After a create (persistence-probe's CreateFlow) the item is found by the text it typed (its
// block, as own-item-probe finds it); its edit control is read there, scoped to it (or behind one
// opener in it); once clicked, the text box that holds the created text is the item's title, and
// a new text of its own is typed there and committed with the editor's own save (new on the
// page since the edit), else Enter. Then the block holding the new text is shown and the block
// holding the old one is gone. Only ever on the block holding letters this replay typed a moment
// ago in a context of its own. When no block holds an edit and the create opened the item's own
// page, that page's edit is used instead (own-page-edit.ts). Two replays at once, each with
// letters of its own, compare; each then reloads the page to see whether the change lasts
// (own-edit-reload.ts).
import type { Page } from '@playwright/test';
import type {
  ObservedInteraction,
  PageState,
  StateFlow,
  UiAction,
  UiEffect,
  UiElement,
  UiLocator,
} from '../../core/page-model.ts';
import { looksDestructive } from './destructive.ts';
import { briefError } from './page-issues.ts';
import { closePageSession } from './page-session.ts';
import type { ExplorationEnv, PageSession } from './page-session.ts';
import { COMMITS, LEAVES_EDIT, controlsOnPage, ownBlock } from './item-controls.ts';
import type { Control } from './item-controls.ts';
import { lookAfterReload, reloadedEdit } from './own-edit-reload.ts';
import type { AfterReload, OwnEditTarget } from './own-edit-reload.ts';
import { editorElements, editorInteraction, openEditor } from './own-editor.ts';
import { ownItemState } from './own-item-probe.ts';
import { ownLetters } from './own-marks.ts';
import { performAction } from './perform-action.ts';
import { isOwnPage } from './own-page-remove.ts';
import { editOnOwnPage } from './own-page-edit.ts';
import { replayCreate } from './persistence-probe.ts';
import { replayProblems, replayTwice } from './replay-twice.ts';
import { markedText, newMark } from './sample-values.ts';
import { waitForSettled } from './settle-page.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

const QUIET_MS = 400;

type Fill = Extract<UiAction, { kind: 'fill' }> & { mark: string };

interface Tried {
  /** The opener clicked first, if any, then the edit. */
  steps: Control[];
  /** The text box the created text was in once the edit was clicked. */
  box?: UiLocator;
  /** The editor's commit, or none (Enter in the box). */
  commit?: Control;
  /** The item's block as located before the edit, and the block holding the new text after. */
  item?: UiLocator;
  renamed?: UiLocator;
  gone: boolean;
  signature: string;
  error?: string;
  /** What the page showed once opened again after the edit; none when the edit did not show. */
  afterReload?: AfterReload;
  /** The item's editor opened in its block (not on its own page). */
  inBlock?: true;
}

/**
 * The created item's edit, tried on two replays of the create: a state of the page as the create
 * left it (`inPlace`) whose interaction types a new text into the item's own title and commits it,
 * and the elements it used (to be added to the page's elements after the create's flow); no state
 * when none was found. When the change lasts a reload, also the create and the edit as a flow, and
 * its `reloaded` state. `inBlock`: the first replay opened the item's editor in its block, where
 * a cancelled edit can be tried the same way (own-edit-cancel.ts).
 */
export async function probeOwnEdit(
  env: ExplorationEnv,
  target: OwnEditTarget,
  taken: Set<string>,
): Promise<{
  state: PageState | undefined;
  elements: UiElement[];
  problems: string[];
  reloaded?: { flow: StateFlow; state: PageState };
  inBlock: boolean;
}> {
  const mark = newMark();
  const { value } = markedText('edited', mark, undefined);
  const fill: Fill = { kind: 'fill', target: '', value, mark };
  const { outcomes, retried } = await replayTwice(
    () => tryEdit(env, target, fill, true),
    () => tryEdit(env, target, fill, false),
  );
  const [primary, replica] = outcomes;
  const problems = replayProblems(`own edit of ${target.create.flow.id}`, outcomes, retried);
  const { box, renamed, item } = primary;
  const inBlock = primary.error === undefined && primary.inBlock === true;
  if (primary.error || !box || !renamed) return { state: undefined, elements: [], problems, inBlock };
  const editor = { steps: primary.steps, box, leave: primary.commit };
  const recorded = editorElements(target, taken, editor);
  const { box: boxElement, added: elements } = recorded;
  // Blocks, not texts: the new text may be shown twice (a heading, a link to it) as the old was.
  const effects: UiEffect[] = [
    { kind: 'appeared', target: renamed, text: undefined },
    ...(primary.gone && item ? [{ kind: 'disappeared' as const, target: item }] : []),
  ];
  const interaction: ObservedInteraction = {
    ...editorInteraction('own-edit', recorded, fill, 'Enter'),
    effects,
    reproducible: replica.error === undefined && replica.signature === primary.signature,
  };
  const filled = { ...fill, target: boxElement.id };
  const after = reloadedEdit(target, interaction, filled, [primary.afterReload, replica.afterReload]);
  return {
    state: ownItemState(target, interaction),
    elements,
    problems: [...problems, ...after.problems],
    inBlock,
    ...(after.flow && after.state ? { reloaded: { flow: after.flow, state: after.state } } : {}),
  };
}

async function tryEdit(
  env: ExplorationEnv,
  target: OwnEditTarget,
  planned: Fill,
  resolve: boolean,
): Promise<Tried> {
  const { typed } = target.create;
  const own = ownLetters([typed.mark, planned.mark]);
  const { asRecorded } = own;
  const text = (own.swap(typed) as Fill).value;
  const fill = own.swap(planned) as Fill;
  const none = (signature: string): Tried => ({ steps: [], gone: false, signature });
  let session: PageSession | undefined;
  try {
    const replayed = await replayCreate(env, target, own);
    session = replayed.session;
    const { page } = session;
    const settle = () => waitForSettled(page, session!.network, { quietMs: QUIET_MS, timeoutMs: 3_000 });
    const item = await ownBlock(page, text);
    const before = new Set((await controlsOnPage(page, COMMITS)).map((control) => control.name));
    const opened = item ? await openEditor(page, item, text, target, settle) : undefined;
    // No block of its own holds an edit: the create may have opened the item's own page.
    if (!opened && (await isOwnPage(page, text)))
      return await onOwnPage(page, text, fill, settle, asRecorded);
    if (!item) return none('no block');
    if (!opened) return none('no edit');
    await performAction(page, opened.box, fill);
    await settle();
    const commit = (await controlsOnPage(page, COMMITS)).find(
      (control) =>
        !before.has(control.name) && !LEAVES_EDIT.test(control.name) && !looksDestructive(control.name),
    );
    if (commit) await toPlaywrightLocator(page, commit.locator).click({ timeout: 3_000 });
    else await toPlaywrightLocator(page, opened.box).press('Enter', { timeout: 3_000 });
    await settle();
    const renamed = await ownBlock(page, fill.value);
    const gone = (await toPlaywrightLocator(page, item).filter({ visible: true }).count()) === 0;
    const recorded = asRecorded({ steps: opened.steps, box: opened.box, commit, item, renamed });
    const signature = [
      ...recorded.steps.map((control) => `${control.role} ${control.name}`),
      JSON.stringify(recorded.box),
      recorded.commit ? `${recorded.commit.role} ${recorded.commit.name}` : 'Enter',
      JSON.stringify(recorded.renamed),
      String(gone),
    ].join('|');
    // Whether the change lasts: only where the new text showed at all.
    const afterReload = renamed
      ? await lookAfterReload(env, session, target, {
          ...{ writes: replayed.writes, text: fill.value, old: item },
          ...{ search: target.search, asRecorded, resolve },
        })
      : undefined;
    return { ...recorded, gone, signature, inBlock: true, ...(afterReload ? { afterReload } : {}) };
  } catch (error) {
    return { ...none(''), error: briefError(error) };
  } finally {
    if (session) await closePageSession(session);
  }
}

/** The edit on the item's own page (own-page-edit.ts), as the block's edit is recorded. */
async function onOwnPage(
  page: Page,
  text: string,
  fill: Fill,
  settle: () => Promise<unknown>,
  asRecorded: <T>(value: T) => T,
): Promise<Tried> {
  const edited = await editOnOwnPage(page, text, fill, settle);
  if (!edited) return { steps: [], gone: false, signature: 'no edit on its page' };
  const recorded = asRecorded({
    steps: edited.steps,
    box: edited.box,
    commit: edited.commit,
    renamed: edited.shown,
  });
  const signature = [
    ...recorded.steps.map((control) => `${control.role} ${control.name}`),
    JSON.stringify(recorded.box),
    `${recorded.commit.role} ${recorded.commit.name}`,
    JSON.stringify(recorded.renamed),
  ].join('|');
  return { ...recorded, gone: false, signature };
}
