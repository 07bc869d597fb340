// The remove of an item the explorer created itself, on the item's own page. Many admin apps show
// no list after a create: they open the new item's page (`/features/<name>`), and its remove is
// there, a control of the page ("Archive feature flag"), which asks in a dialog of the page
// whose confirm repeats the verb. Only ever on a page that is the item's (its address or its main
// heading says the created text) and shows the letters this replay typed a moment ago: nothing
// that was there before can hold them. Gone is what a test can check: the app left that page, and
// the page it landed on does not show the created text.
import type { Page } from '@playwright/test';
import type { UiEffect, UiLocator } from '../../core/page-model.ts';
import { ITEM_BLOCKS, controlsOnPage, namesOf } from './item-controls.ts';
import type { Control } from './item-controls.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

/** A remove's verb is the first of these its name says. */
export const REMOVES = /\b(delete|remove|trash|archive)\b/i;
// The page's part holding the item, most specific first: the remove is scoped to it, so that a
// test clicks it only where the page shows the test's own text.
const PAGE_BLOCKS = ['main', '[role=main]', 'body'];
const DIALOG_ROLES = ['dialog', 'alertdialog'] as const;
// A dialog's way out, even when it repeats the verb ("Don't delete").
const LEAVES = /\b(cancel|close|dismiss|keep|back|no|not|don'?t)\b/i;
const DIALOG_WAIT_MS = 2_000;
const LEAVE_WAIT_MS = 5_000;

/** Whether the page is the item's own and shows this replay's letters. */
export async function isOwnPage(page: Page, text: string): Promise<boolean> {
  const shown = await page.getByText(text).filter({ visible: true }).count();
  if (shown === 0) return false;
  if (addressHolds(page.url(), text)) return true;
  return (await page.getByRole('heading', { level: 1, name: text, exact: true }).count()) > 0;
}

/** The created text is a segment of the address's path or its hash route. */
function addressHolds(url: string, text: string): boolean {
  try {
    const { pathname, hash } = new URL(url);
    return decodeURIComponent(`${pathname}/${hash.slice(1)}`)
      .split('/')
      .includes(text);
  } catch {
    return false;
  }
}

/**
 * The page's own remove, scoped to the part of the page that holds the text: a control of the
 * page, not one of a list on it (a row's "Remove" removes something else than the page's item).
 */
export async function pageRemove(page: Page, text: string): Promise<Control | undefined> {
  const rows = ITEM_BLOCKS.join(', ');
  for (const control of await controlsOnPage(page, REMOVES)) {
    const inRow = await toPlaywrightLocator(page, control.locator)
      .evaluate((element, selector) => element.closest(selector) !== null, rows)
      .catch(() => true);
    if (inRow) continue;
    for (const selector of PAGE_BLOCKS) {
      const within: UiLocator = { strategy: 'item', selector, text };
      const locator = { ...control.locator, within } as UiLocator;
      if ((await toPlaywrightLocator(page, locator).count()) === 1) return { ...control, locator };
    }
  }
  return undefined;
}

/**
 * Once the remove is clicked: the confirm of the dialog it opened, the one button there whose
 * name repeats the remove's verb; 'unanswered' when a dialog shows and has none (it is closed);
 * undefined when no dialog shows (a native confirm, accepted, or none).
 */
export async function dialogConfirm(
  page: Page,
  remove: Control,
): Promise<Control | 'unanswered' | undefined> {
  const verb = REMOVES.exec(remove.name)?.[1];
  const any = page.getByRole('dialog').or(page.getByRole('alertdialog')).filter({ visible: true }).first();
  await any.waitFor({ timeout: DIALOG_WAIT_MS }).catch(() => undefined);
  for (const role of DIALOG_ROLES) {
    const dialog = page.getByRole(role).filter({ visible: true });
    if ((await dialog.count()) !== 1) continue;
    const names = new Set(
      (await namesOf(dialog.getByRole('button').filter({ visible: true }))).filter(
        (name) => verb !== undefined && new RegExp(`\\b${verb}\\b`, 'i').test(name) && !LEAVES.test(name),
      ),
    );
    const [name, ...more] = names;
    const locator: UiLocator = {
      strategy: 'role',
      role: 'button',
      ...{ name, exact: true },
      within: { strategy: 'role', role },
    };
    if (name !== undefined && more.length === 0 && (await toPlaywrightLocator(page, locator).count()) === 1)
      return { role: 'button', name, locator };
    await page.keyboard.press('Escape');
    return 'unanswered';
  }
  return undefined;
}

/**
 * What shows the item gone once its remove was confirmed on its own page: the app left that page
 * (`from`), and the page it landed on shows the created text nowhere; none when either fails.
 */
export async function goneFromPage(page: Page, text: string, from: string): Promise<UiEffect[]> {
  await page.waitForURL((url) => url.href !== from, { timeout: LEAVE_WAIT_MS }).catch(() => undefined);
  const to = page.url();
  if (to === from) return [];
  const target: UiLocator = { strategy: 'text', text, exact: true };
  const shown = await toPlaywrightLocator(page, target).filter({ visible: true }).count();
  if (shown > 0) return [];
  return [
    { kind: 'url-changed', from, to },
    { kind: 'disappeared', target },
  ];
}
