// The hand-made price calculator model is checked against the running app, page by page: what a
// fresh visit shows, every observed interaction replayed, the mobile observations.
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPriceCalculator } from '../../../examples/price-calculator/server.ts';
import type { RunningPriceCalculator } from '../../../examples/price-calculator/server.ts';
import type { PageModel, Viewport } from '../../../src/core/page-model.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { locate, replayInteraction } from './fixture-replay.ts';
import { priceCalculatorSiteModel as model } from './fixtures/price-calculator/site-model.ts';

let browser: Browser;
let app: RunningPriceCalculator;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  app = await startPriceCalculator({ fault: null });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

afterEach(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  contexts = [];
});

async function open(pageModel: PageModel, viewport: Viewport = model.viewports.desktop): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(new URL(pageModel.path, app.url).href);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

describe.each(model.pages.map((page) => [page.id, page] as const))('site model page %s', (_id, pageModel) => {
  it('matches a fresh visit: title, headings, landmarks, elements, stable regions', async () => {
    const page = await open(pageModel);
    expect(await page.title()).toBe(pageModel.title);
    for (const heading of pageModel.headings.filter((candidate) => candidate.level <= 2))
      expect(
        await page.getByRole('heading', { level: heading.level, name: heading.text, exact: true }).count(),
      ).toBe(1);
    for (const landmark of pageModel.landmarks) {
      const name = landmark.name ? { name: landmark.name, exact: true } : {};
      expect(await page.getByRole(landmark.role as 'main', name).count(), landmark.role).toBeGreaterThan(0);
    }
    for (const element of pageModel.elements) {
      const locator = locate(page, element.locator);
      expect(await locator.isVisible(), `${element.id} visible`).toBe(element.visible);
      if (!element.visible) continue;
      expect(await locator.count(), `${element.id} unique`).toBe(1);
      expect(await locator.isEnabled(), `${element.id} enabled`).toBe(element.enabled);
    }
    for (const region of pageModel.stableRegions)
      expect(await locate(page, region.locator).ariaSnapshot()).toBe(region.snapshot);
  });

  it.each(pageModel.interactions.map((interaction) => [interaction.id, interaction] as const))(
    'replays interaction %s with every recorded effect',
    async (_interactionId, interaction) => {
      const page = await open(pageModel);
      expect(await replayInteraction(page, model, pageModel.id, interaction)).toEqual([]);
    },
  );

  it('matches the mobile observation: visible controls, the menu and what it hides', async () => {
    const mobile = pageModel.mobile!;
    const page = await open(pageModel, mobile.viewport);
    const element = (id: string) =>
      locate(page, pageModel.elements.find((candidate) => candidate.id === id)!.locator);
    for (const id of mobile.visible) expect(await element(id).isVisible(), id).toBe(true);
    for (const id of mobile.behindMenu) expect(await element(id).isVisible(), id).toBe(false);
    await locate(page, mobile.menuToggle!).click();
    for (const id of mobile.behindMenu) await element(id).waitFor({ state: 'visible', timeout: 2_000 });
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBe(0);
  });
});
