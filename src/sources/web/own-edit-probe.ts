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
import { freeId, slug } from './element-ids.ts';
import { briefError } from './page-issues.ts';
import { closePageSession } from './page-session.ts';
import type { ExplorationEnv, PageSession } from './page-session.ts';
import {
  COMMITS,
  EDITS,
  LEAVES_EDIT,
  controlElement,
  controlsIn,
  controlsOnPage,
  namesOf,
  ownBlock,
} from './item-controls.ts';
import type { Control } from './item-controls.ts';
import { lookAfterReload, reloadedEdit } from './own-edit-reload.ts';
import type { AfterReload, OwnEditTarget } from './own-edit-reload.ts';
import { MAX_OPENERS, ownItemState } from './own-item-probe.ts';
import type { OwnItemTarget } from './own-item-probe.ts';
import { ownLetters } from './own-marks.ts';
import { performAction } from './perform-action.ts';
import { isOwnPage } from './own-page-remove.ts';
import { editOnOwnPage } from './own-page-edit.ts';
import { replayCreate } from './persistence-probe.ts';
import { replayProblems, replayTwice } from './replay-twice.ts';
import { markedText, newMark } from './sample-values.ts';
import { waitForSettled } from './settle-page.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

const OPENS = /\b(more|actions|options|menu)\b/i;
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
}

/**
 * The created item's edit, tried on two replays of the create: a state of the page as the create
 * left it (`inPlace`) whose interaction types a new text into the item's own title and commits it,
 * and the elements it used (to be added to the page's elements after the create's flow); no state
 * when none was found. When the change lasts a reload, also the create and the edit as a flow, and
 * its `reloaded` state.
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
  if (primary.error || !box || !renamed) return { state: undefined, elements: [], problems };
  const known = (locator: UiLocator) =>
    target.elements.find((element) => JSON.stringify(element.locator) === JSON.stringify(locator));
  const elementOf = (control: Control) =>
    known(control.locator) ??
    controlElement(control, freeId(`own-edit-${control.role}-${slug(control.name, 30)}`, taken), {
      destructive: false,
    });
  const steps = primary.steps.map(elementOf);
  // Named for what the box holds: a title box with no name of its own, or the one its name says.
  const boxName = box.strategy === 'role' && box.name ? slug(box.name, 30) : 'title';
  const boxElement = known(box) ?? textBox(box, freeId(`own-edit-${boxName}`, taken));
  const commit = primary.commit ? elementOf(primary.commit) : undefined;
  const elements = [...steps, boxElement, ...(commit ? [commit] : [])].filter(
    (element) => !target.elements.includes(element),
  );
  // Blocks, not texts: the new text may be shown twice (a heading, a link to it) as the old was.
  const effects: UiEffect[] = [
    { kind: 'appeared', target: renamed, text: undefined },
    ...(primary.gone && item ? [{ kind: 'disappeared' as const, target: item }] : []),
  ];
  const interaction: ObservedInteraction = {
    id: `own-edit-${commit ? `click-${commit.id}` : `press-${boxElement.id}`}`,
    setup: [
      ...steps.map((step) => ({ kind: 'click' as const, target: step.id })),
      { ...fill, target: boxElement.id },
    ],
    action: commit
      ? { kind: 'click', target: commit.id }
      : { kind: 'press', target: boxElement.id, key: 'Enter' },
    effects,
    reproducible: replica.error === undefined && replica.signature === primary.signature,
  };
  const filled = { ...fill, target: boxElement.id };
  const after = reloadedEdit(target, interaction, filled, [primary.afterReload, replica.afterReload]);
  return {
    state: ownItemState(target, interaction),
    elements,
    problems: [...problems, ...after.problems],
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
  const asRecorded = <T>(value: T): T => JSON.parse(own.asPlanned(JSON.stringify(value))) as T;
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
    return { ...recorded, gone, signature, ...(afterReload ? { afterReload } : {}) };
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

/**
 * The item's edit clicked (in its block, or behind one opener in it, Escape between openers) and
 * the one text box then holding the created text: the steps that opened it and the box.
 */
async function openEditor(
  page: Page,
  item: UiLocator,
  text: string,
  target: OwnItemTarget,
  settle: () => Promise<unknown>,
): Promise<{ steps: Control[]; box: UiLocator } | undefined> {
  const safe = (control: Control) => !looksDestructive(control.name);
  const inItem = (await controlsIn(page, item)).filter(safe);
  const direct = inItem.find((control) => EDITS.test(control.name));
  const routes: Control[][] = direct
    ? [[direct]]
    : inItem
        .filter((control) => OPENS.test(control.name))
        .slice(0, MAX_OPENERS)
        .map((opener) => [opener]);
  for (const route of routes) {
    const steps = [...route];
    const before = new Set((await controlsOnPage(page, EDITS)).map((control) => control.name));
    for (const control of route) {
      await toPlaywrightLocator(page, control.locator).click({ timeout: 3_000 });
      await settle();
    }
    if (!direct) {
      // The opener's menu, in the block still, or new on the page once the opener was clicked.
      const stillThere = (await toPlaywrightLocator(page, item).count()) === 1;
      const edit =
        (stillThere ? (await controlsIn(page, item)).filter(safe) : []).find((control) =>
          EDITS.test(control.name),
        ) ??
        (await controlsOnPage(page, EDITS)).find((control) => safe(control) && !before.has(control.name));
      if (edit) {
        await toPlaywrightLocator(page, edit.locator).click({ timeout: 3_000 });
        await settle();
        steps.push(edit);
      }
    }
    const box = await boxHolding(page, text, target);
    if (box) return { steps, box };
    await page.keyboard.press('Escape');
    await settle();
  }
  return undefined;
}

/**
 * The one visible text box whose value is the created text: a text box whose name locates it
 * alone, else the create's own box (its editor opened again on the item: a title box with no
 * name, found as the create found it).
 */
async function boxHolding(page: Page, text: string, target: OwnItemTarget): Promise<UiLocator | undefined> {
  const created = target.elements.find((element) => element.id === target.create.typed.target)?.locator;
  const named = (await namesOf(page.getByRole('textbox').filter({ visible: true })))
    .filter((name) => name)
    .map((name): UiLocator => ({ strategy: 'role', role: 'textbox', name, exact: true }));
  for (const locator of [...named, ...(created ? [created] : [])]) {
    const box = toPlaywrightLocator(page, locator).filter({ visible: true });
    if ((await box.count()) !== 1) continue;
    if ((await box.inputValue({ timeout: 1_000 }).catch(() => undefined)) === text) return locator;
  }
  return undefined;
}

function textBox(locator: UiLocator, id: string): UiElement {
  return {
    ...{ id, role: 'textbox', name: locator.strategy === 'role' ? (locator.name ?? '') : '', tag: 'input' },
    ...{ inputType: 'text', locator, visible: true, enabled: true, region: undefined, value: undefined },
    ...{ constraints: undefined, destructive: false },
  };
}
