// Text blocks a page must keep showing at a phone's width: its main heading, the notices every
// page carries in its header or footer (legal lines, disclaimers), then section headings. A
// stylesheet that hides one of them on narrow screens is a defect a control-only check misses.
import type { Page } from '@playwright/test';
import type { UiLocator } from '../../core/page-model.ts';
import { chooseLocator } from './choose-locator.ts';
import { callInPage } from './in-page-script.ts';
import { readLocatorTarget } from './locator-target.ts';
import { mapLimit } from '../../core/map-limit.ts';

/** Content blocks recorded per page at the mobile width. */
export const MAX_CONTENT_BLOCKS = 5;

/**
 * Unique locators of the page's visible content blocks, most important first. A block found by
 * its text must show the same text on another load (`elsewhere`, the desktop aria snapshot):
 * a clock or a greeting would not be there the next time.
 */
export async function contentBlocks(
  page: Page,
  elsewhere: string,
  max = MAX_CONTENT_BLOCKS,
): Promise<UiLocator[]> {
  // A few spare candidates: blocks without a unique locator (a long paragraph without test id) drop out.
  const keys = await callInPage<string[]>(page, 'contentBlocks', max * 2);
  const located = await mapLimit(keys, 4, async (key) => {
    const target = await readLocatorTarget(page, key);
    return target && (await chooseLocator(page, target));
  });
  const repeats = (locator: UiLocator): boolean => {
    const text = locator.strategy === 'role' ? locator.name : locator.strategy === 'text' ? locator.text : '';
    return !text || elsewhere.includes(text);
  };
  return located
    .filter((locator): locator is UiLocator => locator !== undefined && repeats(locator))
    .slice(0, max);
}
