// The change of an item the explorer created itself, on the item's own page. An app that opens a
// new item's page after its create (`/features/<name>`) keeps the item's edits there: a control of
// the page ("Edit description", often a link to the item's settings) opens an editor (at once, or
// behind the settings' own "Edit") whose text box that edit names ("Description") takes a text of
// the explorer's own, committed with the editor's save. Changed is what a test can check: that
// text shown on the page the save lands on. Only ever on a page that is the item's and shows the
// letters this replay typed a moment ago (own-page-remove.ts `isOwnPage`): nothing that was there
// before can be changed.
import type { Page } from '@playwright/test';
import type { UiAction, UiLocator } from '../../core/page-model.ts';
import { looksDestructive } from './destructive.ts';
import { COMMITS, EDITS, LEAVES_EDIT, PAGE_CONTROL_ROLES, controlsOnPage, namesOf } from './item-controls.ts';
import type { Control } from './item-controls.ts';
import { pageControl } from './own-page-remove.ts';
import { performAction } from './perform-action.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

const SHOWN_WAIT_MS = 5_000;

export interface PageEdit {
  /** The page's edit control, and the editor's own edit when the first opened settings. */
  steps: Control[];
  /** The text box the edit names. */
  box: UiLocator;
  commit: Control;
  /** Where the new text shows once saved; none when it does not. */
  shown: UiLocator | undefined;
}

/**
 * The item's own page edited: its edit clicked, the text box it names filled with `fill`, the
 * editor's save clicked; undefined when the page has no such edit, box or save.
 */
export async function editOnOwnPage(
  page: Page,
  text: string,
  fill: Extract<UiAction, { kind: 'fill' }>,
  settle: () => Promise<unknown>,
): Promise<PageEdit | undefined> {
  const edit = await pageControl(page, text, EDITS, PAGE_CONTROL_ROLES);
  if (!edit || looksDestructive(edit.name)) return undefined;
  const edits = async () => await controlsOnPage(page, EDITS, PAGE_CONTROL_ROLES);
  const before = new Set((await edits()).map((control) => control.name));
  await toPlaywrightLocator(page, edit.locator).click({ timeout: 3_000 });
  await settle();
  const steps = [edit];
  let box = await boxNamedBy(page, edit.name);
  // The edit may open the item's settings, whose editor is behind an edit of its own ("Edit"
  // beside what it shows): one more, new on the page since the first was clicked.
  const next = box
    ? undefined
    : (await edits()).find((control) => !before.has(control.name) && !looksDestructive(control.name));
  if (next) {
    await toPlaywrightLocator(page, next.locator).click({ timeout: 3_000 });
    await settle();
    steps.push(next);
    box = await boxNamedBy(page, edit.name);
  }
  if (!box) return undefined;
  await performAction(page, box, fill);
  await settle();
  const commit = (await controlsOnPage(page, COMMITS)).find(
    (control) => !LEAVES_EDIT.test(control.name) && !looksDestructive(control.name),
  );
  if (!commit) return undefined;
  await toPlaywrightLocator(page, commit.locator).click({ timeout: 3_000 });
  await settle();
  return { steps, box, commit, shown: await shownText(page, fill.value) };
}

/**
 * The one visible text box whose name is a word the edit's name gives besides its verb ("Edit
 * description" → "Description"); none when the edit names no box: a box is never guessed.
 */
async function boxNamedBy(page: Page, editName: string): Promise<UiLocator | undefined> {
  const words = wordsOf(editName).filter((word) => word.length > 2 && !EDITS.test(word));
  if (words.length === 0) return undefined;
  const names = (await namesOf(page.getByRole('textbox').filter({ visible: true }))).filter((name) =>
    wordsOf(name).some((word) => words.includes(word)),
  );
  for (const name of new Set(names)) {
    const locator: UiLocator = { strategy: 'role', role: 'textbox', name, exact: true };
    const box = toPlaywrightLocator(page, locator).filter({ visible: true });
    if ((await box.count()) === 1 && (await box.isEditable().catch(() => false))) return locator;
  }
  return undefined;
}

function wordsOf(name: string): string[] {
  return name.toLowerCase().split(/[^\p{L}\p{N}]+/u);
}

/** The new text in the page's own content (its main part when it has one), once it shows. */
async function shownText(page: Page, value: string): Promise<UiLocator | undefined> {
  const main: UiLocator = { strategy: 'role', role: 'main' };
  const inMain = (await toPlaywrightLocator(page, main).count()) === 1;
  const target: UiLocator = {
    strategy: 'text',
    text: value,
    exact: true,
    ...(inMain ? { within: main } : {}),
  };
  const shown = toPlaywrightLocator(page, target).filter({ visible: true }).first();
  const seen = await shown
    .waitFor({ timeout: SHOWN_WAIT_MS })
    .then(() => true)
    .catch(() => false);
  return seen ? target : undefined;
}
