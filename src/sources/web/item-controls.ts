// The controls of an item the explorer created itself, read where the item shows: in the one
// block (`article`, `li`, a row) that holds the text it typed, or on the whole page. Each is
// located by role and exact name, and kept only when that locates it alone, so that a control
// every item repeats ("Delete" on each card) is this item's once scoped to its block.
import type { Locator, Page } from '@playwright/test';
import type { UiElement, UiLocator } from '../../core/page-model.ts';
import { describeMatches } from './in-page-script.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

/** Blocks an app shows one item in, most specific to an item first. */
export const ITEM_BLOCKS = ['article', '[role=article]', 'li', '[role=listitem]', 'tr', '[role=row]'];
const CONTROL_ROLES = ['button', 'menuitem'] as const;
/** A page's own edit may be a link to its editor ("Edit description" → `…/settings`). */
export const PAGE_CONTROL_ROLES = ['button', 'link'] as const;
const MAX_CONTROLS = 24;

/** An item's edit or rename, and the editor's commit: never one that leaves the change. */
export const EDITS = /\b(edit|rename)\b/i;
export const COMMITS = /\b(save|done|confirm|ok|apply|update|submit)\b/i;
export const LEAVES_EDIT = /\b(cancel|discard|close|dismiss|revert)\b/i;

type ControlRole = (typeof CONTROL_ROLES)[number] | (typeof PAGE_CONTROL_ROLES)[number];

export interface Control {
  role: ControlRole;
  name: string;
  locator: UiLocator;
}

/** The one block of the kinds an item is shown in that holds the text, most specific kind first. */
export async function ownBlock(page: Page, text: string): Promise<UiLocator | undefined> {
  for (const selector of ITEM_BLOCKS) {
    const item: UiLocator = { strategy: 'item', selector, text };
    if ((await toPlaywrightLocator(page, item).count()) === 1) return item;
  }
  return undefined;
}

/** Visible buttons and menu items of the block whose name locates exactly one of them in it. */
export async function controlsIn(page: Page, item: UiLocator): Promise<Control[]> {
  const block = toPlaywrightLocator(page, item);
  const controls: Control[] = [];
  for (const role of CONTROL_ROLES) {
    for (const name of await namesOf(block.getByRole(role).filter({ visible: true }))) {
      if (!name || controls.some((control) => control.role === role && control.name === name)) continue;
      const locator: UiLocator = { strategy: 'role', role, name, exact: true, within: item };
      if ((await toPlaywrightLocator(page, locator).count()) === 1) controls.push({ role, name, locator });
    }
  }
  return controls;
}

/** Visible controls of the whole page named like `pattern` whose name locates exactly one element. */
export async function controlsOnPage(
  page: Page,
  pattern: RegExp,
  roles: readonly ControlRole[] = CONTROL_ROLES,
): Promise<Control[]> {
  const controls: Control[] = [];
  for (const role of roles) {
    for (const name of await namesOf(page.getByRole(role, { name: pattern }).filter({ visible: true }))) {
      const locator: UiLocator = { strategy: 'role', role, name, exact: true };
      if (name && (await toPlaywrightLocator(page, locator).count()) === 1)
        controls.push({ role, name, locator });
    }
  }
  return controls;
}

/**
 * Names of the page's visible controls named like `pattern`, repeated ones too: what a control
 * "new on the page" is compared with (a "Close" every open item repeats is not new once one of
 * them is gone).
 */
export async function namesShown(
  page: Page,
  pattern: RegExp,
  roles: readonly ControlRole[] = CONTROL_ROLES,
): Promise<Set<string>> {
  const names = await Promise.all(
    roles.map(
      async (role) => await namesOf(page.getByRole(role, { name: pattern }).filter({ visible: true })),
    ),
  );
  return new Set(names.flat());
}

/** Accessible names of the first MAX_CONTROLS matches, as the explorer names every element. */
export async function namesOf(locator: Locator): Promise<string[]> {
  const described = await describeMatches<{ name: string }>(locator).catch(() => []);
  return described.slice(0, MAX_CONTROLS).map((element) => element.name);
}

export function controlElement(control: Control, id: string, options: { destructive: boolean }): UiElement {
  return {
    ...{ id, role: control.role, name: control.name, tag: control.role === 'link' ? 'a' : 'button' },
    inputType: undefined,
    ...{ locator: control.locator, visible: true, enabled: true, region: undefined, value: undefined },
    ...{ constraints: undefined, destructive: options.destructive },
  };
}
