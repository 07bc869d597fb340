// The remove of an item the explorer created itself, on the item's own page. Many admin apps show
// no list after a create: they open the new item's page (`/features/<name>`), and its remove is
// there, a control of the page ("Archive feature flag"), which asks in a dialog of the page
// whose confirm repeats the verb. Only ever on a page that is the item's (its address or its main
// heading says the created text) and shows the letters this replay typed a moment ago: nothing
// that was there before can hold them. Gone is what a test can check: the app left that page, and
// the page it landed on does not show the created text in its own content (the site's frame may
// still list what was just visited).
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
  return pageControl(page, text, REMOVES);
}

/**
 * The page's own control named like `pattern` (of `roles`), scoped to the part of the page that
 * holds the text; none in a row of a list on it.
 */
export async function pageControl(
  page: Page,
  text: string,
  pattern: RegExp,
  roles?: readonly Control['role'][],
): Promise<Control | undefined> {
  const rows = ITEM_BLOCKS.join(', ');
  for (const control of await controlsOnPage(page, pattern, roles)) {
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
 * Once the remove is clicked: the confirm of the dialog it opened, the one button of the page's
 * dialogs whose name repeats the remove's verb (a page may keep another dialog open beside it, a
 * side panel); 'unanswered' when more than one does (the dialog is closed); undefined when none
 * does (a native confirm, accepted, or none).
 */
export async function dialogConfirm(
  page: Page,
  remove: Control,
): Promise<Control | 'unanswered' | undefined> {
  const verb = REMOVES.exec(remove.name)?.[1];
  if (verb === undefined) return undefined;
  const repeats = new RegExp(`\\b${verb}\\b`, 'i');
  const any = page.getByRole('dialog').or(page.getByRole('alertdialog')).filter({ visible: true }).first();
  await any.waitFor({ timeout: DIALOG_WAIT_MS }).catch(() => undefined);
  for (const role of DIALOG_ROLES) {
    const dialogs = page.getByRole(role).filter({ visible: true });
    const names = new Set(
      (await namesOf(dialogs.getByRole('button').filter({ visible: true }))).filter(
        (name) => repeats.test(name) && !LEAVES.test(name),
      ),
    );
    if (names.size === 0) continue;
    const [name] = names;
    const locator: UiLocator = {
      strategy: 'role',
      role: 'button',
      ...{ name, exact: true },
      within: { strategy: 'role', role },
    };
    if (names.size === 1 && (await toPlaywrightLocator(page, locator).count()) === 1)
      return { role: 'button', name: name!, locator };
    await page.keyboard.press('Escape');
    return 'unanswered';
  }
  return undefined;
}

/** What placesOf reads of an element in the page (this code has no DOM types). */
interface InPageElement {
  localName: string;
  getAttribute(name: string): string | null;
  parentElement: InPageElement | null;
}

/**
 * Where the text shows: each visible element holding exactly it, by the tags and roles of its
 * ancestors. Read on the item's page before its remove, it tells the site's frame (a "recently
 * visited" list kept beside every page) from the page's own content.
 */
export async function placesOf(page: Page, text: string): Promise<string[]> {
  return page
    .getByText(text, { exact: true })
    .filter({ visible: true })
    .evaluateAll((elements: InPageElement[]) =>
      elements.map((element) => {
        const chain: string[] = [];
        for (let node: InPageElement | null = element; node; node = node.parentElement)
          chain.push(`${node.localName}[${node.getAttribute('role') ?? ''}]`);
        return chain.join('<');
      }),
    );
}

/**
 * What shows the item gone once its remove was confirmed on its own page: the app left that page
 * (`from`), and the page it landed on shows the created text nowhere but where the item's page
 * showed it in the site's frame (`framed`, from placesOf); none when either fails. With the frame
 * still showing it, gone is the page's own list: the first kind of item block the page shows that
 * holds the text no more.
 */
export async function goneFromPage(
  page: Page,
  text: string,
  from: string,
  framed: string[],
): Promise<UiEffect[]> {
  await page.waitForURL((url) => url.href !== from, { timeout: LEAVE_WAIT_MS }).catch(() => undefined);
  if (page.url() === from) return [];
  const frame = new Set(framed);
  const own = async () => (await placesOf(page, text)).filter((place) => !frame.has(place));
  // The list it lands on may show what it held a moment ago (kept from before) until it is fetched again.
  const deadline = performance.now() + LEAVE_WAIT_MS;
  while ((await own()).length > 0 && performance.now() < deadline) await page.waitForTimeout(250);
  if ((await own()).length > 0) return [];
  const target = await goneTarget(page, text);
  // Read once the list is shown: its address may take the list's own settings as it loads.
  return target
    ? [
        { kind: 'url-changed', from, to: page.url() },
        { kind: 'disappeared', target },
      ]
    : [];
}

/** The text in the page's own content, or, while the frame shows it, the page's blocks holding it. */
async function goneTarget(page: Page, text: string): Promise<UiLocator | undefined> {
  const main: UiLocator = { strategy: 'role', role: 'main' };
  const inMain = (await toPlaywrightLocator(page, main).count()) === 1;
  const target: UiLocator = { strategy: 'text', text, exact: true, ...(inMain ? { within: main } : {}) };
  if ((await toPlaywrightLocator(page, target).filter({ visible: true }).count()) === 0) return target;
  for (const selector of ITEM_BLOCKS) {
    const blocks = page.locator(selector).filter({ visible: true });
    const item: UiLocator = { strategy: 'item', selector, text };
    if ((await blocks.count()) > 0 && (await toPlaywrightLocator(page, item).count()) === 0) return item;
  }
  return undefined;
}
