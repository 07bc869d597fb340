// The page again at a phone's width: which elements are visible, which desktop-visible ones are
// only reachable through a menu toggle, whether anything overflows horizontally, which text
// blocks it still shows, a screenshot.
import type { Page } from '@playwright/test';
import type { MobileObservation, UiElement, UiLocator, Viewport } from '../../core/page-model.ts';
import { contentBlocks } from './content-blocks.ts';
import { TargetResolver } from './effect-targets.ts';
import { callInPage } from './in-page-script.ts';
import type { ElementFacts, OverflowFacts } from './in-page-types.ts';
import { mapLimit } from '../../core/map-limit.ts';
import type { PageEvents } from './page-events.ts';
import { closePageSession, openPageSession } from './page-session.ts';
import type { ExplorationEnv, PageSession } from './page-session.ts';
import { waitForSettled } from './settle-page.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

export const MOBILE_VIEWPORT: Viewport = { width: 390, height: 844 };

const MAX_TOGGLES_TRIED = 3;
const menuLike = /menu|navigation|☰/i;

async function visibleIds(page: Page, elements: UiElement[]): Promise<Set<string>> {
  const flags = await mapLimit(elements, 8, async (element) => {
    const locator = toPlaywrightLocator(page, element.locator);
    const count = await locator.count().catch(() => 0);
    return count === 1 && (await locator.isVisible().catch(() => false));
  });
  return new Set(elements.filter((_element, index) => flags[index]).map((element) => element.id));
}

/** Toggles worth trying: named like a menu first, collapsed ones before expanded ones. */
async function rankedToggles(page: Page): Promise<ElementFacts[]> {
  const rank = (toggle: ElementFacts): number =>
    (menuLike.test(toggle.name) ? 2 : 0) + (toggle.expanded === false ? 1 : 0);
  const toggles = await callInPage<ElementFacts[]>(page, 'menuToggles');
  return [...toggles].sort((a, b) => rank(b) - rank(a)).slice(0, MAX_TOGGLES_TRIED);
}

/**
 * The toggle that reveals desktop-visible elements hidden here, with what it reveals; else a
 * toggle named like a menu that revealed nothing (worth knowing: a menu that does not open).
 */
async function findMenu(
  session: PageSession,
  hidden: UiElement[],
): Promise<{ menuToggle: UiLocator | undefined; behindMenu: string[] }> {
  const resolver = new TargetResolver(session.page, new Map());
  let named: UiLocator | undefined;
  for (const toggle of await rankedToggles(session.page)) {
    const locator = await resolver.locateKey(toggle.key);
    if (!locator) continue;
    if (menuLike.test(toggle.name)) named ??= locator;
    if (hidden.length === 0) continue;
    const button = toPlaywrightLocator(session.page, locator);
    await button.click({ timeout: 3_000 });
    await waitForSettled(session.page, session.network, { quietMs: 250, timeoutMs: 3_000 });
    const revealed = await visibleIds(session.page, hidden);
    if (revealed.size > 0) return { menuToggle: locator, behindMenu: [...revealed] };
    await button.click({ timeout: 3_000 }).catch(() => undefined); // close it again
  }
  return { menuToggle: named, behindMenu: [] };
}

export async function observeMobile(
  env: ExplorationEnv,
  url: string,
  desktop: { elements: UiElement[]; ariaSnapshot: string },
  screenshot: { path: string | undefined; relative: string | undefined },
): Promise<{ mobile: MobileObservation; events: PageEvents }> {
  const { elements } = desktop;
  const session = await openPageSession(env, url, { viewport: MOBILE_VIEWPORT, mobile: true });
  try {
    const { page } = session;
    const visible = await visibleIds(page, elements);
    const overflow = await callInPage<OverflowFacts>(page, 'overflow');
    const resolver = new TargetResolver(page, new Map());
    const overflowing = (await mapLimit(overflow.keys, 4, (key) => resolver.locateKey(key))).filter(
      (locator): locator is UiLocator => locator !== undefined,
    );
    if (screenshot.path) await page.screenshot({ path: screenshot.path, fullPage: true });
    // Read before the menu is tried: opening it may cover or push the content.
    const content = await contentBlocks(page, desktop.ariaSnapshot);
    const hidden = elements.filter((element) => element.visible && !visible.has(element.id));
    const menu = await findMenu(session, hidden);
    return {
      events: session.events,
      mobile: {
        viewport: MOBILE_VIEWPORT,
        visible: elements.filter((element) => visible.has(element.id)).map((element) => element.id),
        behindMenu: elements
          .filter((element) => menu.behindMenu.includes(element.id))
          .map((element) => element.id),
        menuToggle: menu.menuToggle,
        horizontalOverflow: overflow.horizontal,
        overflowing,
        screenshot: screenshot.path ? screenshot.relative : undefined,
        content,
      },
    };
  } finally {
    await closePageSession(session);
  }
}
