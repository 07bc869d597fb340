// The editor of an item the explorer created itself, opened in the item's own block: one home for
// the edit probe (own-edit-probe.ts) and the cancelled edit (own-edit-cancel.ts), which open it the
// same way and record the same steps as the same elements.
import type { Page } from '@playwright/test';
import type { ObservedInteraction, UiAction, UiElement, UiLocator } from '../../core/page-model.ts';
import { looksDestructive } from './destructive.ts';
import { freeId, slug } from './element-ids.ts';
import { EDITS, controlElement, controlsIn, controlsOnPage, namesOf } from './item-controls.ts';
import type { Control } from './item-controls.ts';
import { MAX_OPENERS } from './own-item-probe.ts';
import type { OwnItemTarget } from './own-item-probe.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

const OPENS = /\b(more|actions|options|menu)\b/i;

export interface OpenedEditor {
  /** The opener clicked first, if any, then the edit. */
  steps: Control[];
  /** The text box the created text was in once the edit was clicked. */
  box: UiLocator;
}

/**
 * The item's edit clicked (in its block, or behind one opener in it, Escape between openers) and
 * the one text box then holding the created text: the steps that opened it and the box.
 */
export async function openEditor(
  page: Page,
  item: UiLocator,
  text: string,
  target: OwnItemTarget,
  settle: () => Promise<unknown>,
): Promise<OpenedEditor | undefined> {
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

/**
 * The editor's steps, its box and the control that left it, as elements: an element the target
 * already has for the same locator is reused (the edit probe's, when the cancel follows it), else
 * a new one named `own-edit-…`; `added` are the new ones.
 */
export function editorElements(
  target: OwnItemTarget,
  taken: Set<string>,
  editor: { steps: Control[]; box: UiLocator; leave: Control | undefined },
): { steps: UiElement[]; box: UiElement; leave: UiElement | undefined; added: UiElement[] } {
  const known = (locator: UiLocator) =>
    target.elements.find((element) => JSON.stringify(element.locator) === JSON.stringify(locator));
  const elementOf = (control: Control) =>
    known(control.locator) ??
    controlElement(control, freeId(`own-edit-${control.role}-${slug(control.name, 30)}`, taken), {
      destructive: false,
    });
  const { box } = editor;
  const steps = editor.steps.map(elementOf);
  // Named for what the box holds: a title box with no name of its own, or the one its name says.
  const boxName = box.strategy === 'role' && box.name ? slug(box.name, 30) : 'title';
  const boxElement = known(box) ?? textBox(box, freeId(`own-edit-${boxName}`, taken));
  const leave = editor.leave ? elementOf(editor.leave) : undefined;
  const added = [...steps, boxElement, ...(leave ? [leave] : [])].filter(
    (element) => !target.elements.includes(element),
  );
  return { steps, box: boxElement, leave, added };
}

/**
 * The editor's interaction as both probes record it: the steps that open the editor and the fill
 * of its box, then the control that leaves it clicked, else `key` pressed in the box. `accept`:
 * the one confirm leaving asks is accepted.
 */
export function editorInteraction(
  prefix: string,
  editor: { steps: UiElement[]; box: UiElement; leave: UiElement | undefined },
  fill: Extract<UiAction, { kind: 'fill' }>,
  key: string,
  accept: { acceptDialog?: true } = {},
): Pick<ObservedInteraction, 'id' | 'setup' | 'action'> {
  const { steps, box, leave } = editor;
  return {
    id: `${prefix}-${leave ? `click-${leave.id}` : `press-${box.id}`}`,
    setup: [
      ...steps.map((step) => ({ kind: 'click' as const, target: step.id })),
      { ...fill, target: box.id },
    ],
    action: leave
      ? { kind: 'click', target: leave.id, ...accept }
      : { kind: 'press', target: box.id, key, ...accept },
  };
}

function textBox(locator: UiLocator, id: string): UiElement {
  return {
    ...{ id, role: 'textbox', name: locator.strategy === 'role' ? (locator.name ?? '') : '', tag: 'input' },
    ...{ inputType: 'text', locator, visible: true, enabled: true, region: undefined, value: undefined },
    ...{ constraints: undefined, destructive: false },
  };
}
