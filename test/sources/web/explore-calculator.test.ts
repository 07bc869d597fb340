import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { startPriceCalculator } from '../../../examples/price-calculator/server.ts';
import type { RunningPriceCalculator } from '../../../examples/price-calculator/server.ts';
import type { PageModel, SiteModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { launchBrowser, newExplorationContext } from '../../../src/sources/web/launch-browser.ts';
import { readSiteModel, writeSiteModel } from '../../../src/sources/web/site-model-io.ts';
import { toPlaywrightLocator } from '../../../src/sources/web/ui-locator.ts';

describe('exploring the price calculator', () => {
  let app: RunningPriceCalculator;
  let model: SiteModel;
  let outDir: string;
  const byPath = (prefix: string): PageModel => model.pages.find((page) => page.path.startsWith(prefix))!;

  beforeAll(async () => {
    app = await startPriceCalculator({ fault: null });
    outDir = await mkdtemp(join(tmpdir(), 'testops-calculator-'));
    // Breadth first, four pages: home, catalogue, estimate and the first configure page.
    // A generous total bound: on a loaded CI machine four pages can take minutes.
    model = await exploreSite({
      url: `${app.url}/`,
      maxPages: 4,
      allowPrivate: true,
      outDir,
      totalTimeMs: 400_000,
    });
  }, 420_000);

  afterAll(async () => {
    await app?.close();
  });

  it('explores the start, catalogue, estimate and a configure page', () => {
    expect(model.pages.length).toBeGreaterThanOrEqual(4);
    expect(model.pages.map((page) => page.id)).toEqual(
      expect.arrayContaining(['home', 'catalog', 'estimate']),
    );
    expect(byPath('/configure/').settled).toBe(true);
    expect(model.navigation).toContainEqual(expect.objectContaining({ from: 'home', to: 'catalog' }));
    const home = byPath('/');
    expect(home.links.find((link) => link.href === `${app.url}/catalog`)?.target).toBe('catalog');
    expect(Object.keys(model.durations.perPageMs)).toEqual(model.pages.map((page) => page.id));
  });

  it('records locators that are unique when re-resolved on their page', async () => {
    const browser: Browser = await launchBrowser();
    try {
      for (const page of model.pages) {
        const context = await newExplorationContext(browser, { viewport: model.viewports.desktop });
        const tab = await context.newPage();
        await tab.goto(page.url);
        await tab.getByRole('heading', { level: 1 }).first().waitFor();
        // Elements a flow's state added are not on a fresh load: their tests replay the flow first.
        for (const element of page.elements.filter((candidate) => candidate.afterFlow === undefined)) {
          const locator = toPlaywrightLocator(tab, element.locator, { includeHidden: !element.visible });
          expect({ page: page.id, element: element.id, count: await locator.count() }).toEqual({
            page: page.id,
            element: element.id,
            count: 1,
          });
        }
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('observes the live price change when the region changes, reproducibly', () => {
    const configure = byPath('/configure/');
    const region = configure.elements.find(
      (element) => element.role === 'combobox' && element.name === 'Region',
    )!;
    const change = configure.interactions.find(
      (interaction) => interaction.action.kind === 'select' && interaction.action.target === region.id,
    );
    expect(change?.reproducible).toBe(true);
    const price = change?.effects.find(
      (effect) =>
        effect.kind === 'text-changed' &&
        effect.target.strategy === 'testid' &&
        effect.target.testId === 'live-price',
    );
    expect(price).toMatchObject({ kind: 'text-changed', before: expect.stringMatching(/₽/) });
    if (price?.kind === 'text-changed') expect(price.after).not.toBe(price.before);
  });

  it('records the instance count bounds and what exceeding them does', () => {
    const configure = byPath('/configure/');
    const instances = configure.elements.find((element) => element.name === 'Number of instances')!;
    expect(instances.constraints).toMatchObject({ type: 'number', min: '1', max: '99' });
    const beyond = configure.interactions.find(
      (interaction) => interaction.action.kind === 'fill' && interaction.action.target === instances.id,
    );
    const tooMany = configure.interactions.find(
      (interaction) => interaction.action.kind === 'fill' && interaction.action.value === '100',
    );
    expect(beyond).toBeDefined();
    expect(tooMany?.effects).toContainEqual(
      expect.objectContaining({ kind: 'state-changed', target: instances.locator, state: 'invalid' }),
    );
    expect(tooMany?.effects).toContainEqual(
      expect.objectContaining({ kind: 'appeared', text: 'Enter a whole number from 1 to 99' }),
    );
  });

  it('sees no overflow on a phone and finds the menu toggle hiding the navigation', () => {
    for (const page of model.pages) {
      expect(page.mobile?.horizontalOverflow).toBe(false);
      expect(page.mobile?.menuToggle).toEqual({
        strategy: 'role',
        role: 'button',
        name: 'Menu',
        exact: true,
      });
      expect(page.mobile?.behindMenu).toEqual(expect.arrayContaining(['link-catalogue']));
      expect(page.mobile?.visible).not.toContain('link-catalogue');
    }
  });

  it('keeps the page headings and the footer notice in view of a phone', () => {
    for (const page of model.pages) {
      expect(page.mobile?.content).toContainEqual({ strategy: 'testid', testId: 'disclaimer' });
      expect(page.mobile?.content?.[0]).toMatchObject({ strategy: 'role', role: 'heading' });
    }
  });

  it('closes a help tooltip with Escape, after opening it', () => {
    const configure = byPath('/configure/');
    const dismissal = configure.interactions.find(
      (interaction) => interaction.action.kind === 'press' && interaction.action.key === 'Escape',
    );
    expect(dismissal?.setup).toEqual([{ kind: 'click', target: dismissal?.action.target }]);
    expect(dismissal?.effects).toContainEqual(
      expect.objectContaining({ kind: 'disappeared', target: expect.objectContaining({ role: 'tooltip' }) }),
    );
    expect(dismissal?.reproducible).toBe(true);
  });

  it('replays adding a service as a flow and records what the estimate then shows', () => {
    const configure = byPath('/configure/');
    const add = configure.elements.find((element) => element.name === 'Add to estimate')!;
    const flow = model.flows?.find((candidate) => candidate.page === configure.id);
    expect(flow?.actions).toEqual([{ kind: 'click', target: add.id }]);
    const state = byPath('/estimate').states?.find((candidate) => candidate.flow === flow?.id);
    expect(state?.reproducible).toBe(true);
    expect(state?.effects).toContainEqual({
      kind: 'text-changed',
      target: { strategy: 'testid', testId: 'total' },
      before: '0,00 ₽',
      after: '4 332,00 ₽',
    });
  });

  it('saves a model that reads back', async () => {
    await writeSiteModel(outDir, model);
    const read = await readSiteModel(outDir);
    expect(read.pages.map((page) => page.id)).toEqual(model.pages.map((page) => page.id));
    expect(read.pages[0]?.screenshot).toBe(`screenshots/${read.pages[0]?.id}.png`);
  });
});
