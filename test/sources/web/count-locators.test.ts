import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UiElement } from '../../../src/core/page-model.ts';
import { collectElements } from '../../../src/sources/web/collect-elements.ts';
import { installInPageScript } from '../../../src/sources/web/in-page-script.ts';
import { launchBrowser } from '../../../src/sources/web/launch-browser.ts';
import { toPlaywrightLocator } from '../../../src/sources/web/ui-locator.ts';

// Controls whose names hold a count of what the app holds: the count changes as soon as a test
// creates something, so a locator keeps to the words beside it; the exact name is the last
// resort, for a name that is nothing but its count.
const content = `<main><h1>Wiki</h1>
  <input type="search" aria-label="Search">
  <button>0 matches</button>
  <button id="tiddler-count">21</button>
  <button>3 of 10 selected</button>
  <button>42</button>
  <section aria-label="Results (2)"><button>Open</button></section>
  <section aria-label="Archive"><button>Open</button></section>
  <a href="#h2o">H2O levels</a>
</main>`;

describe('locators for names that hold a count', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let elements: UiElement[];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext();
    await installInPageScript(context);
    page = await context.newPage();
    await page.setContent(content);
    ({ elements } = await collectElements(page, 50));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const locatorOf = (name: string) => elements.find((element) => element.name === name)?.locator;

  it('find a control by the words beside its count, as a part of its name', () => {
    expect(locatorOf('0 matches')).toEqual({ strategy: 'role', role: 'button', name: 'matches' });
    expect(locatorOf('3 of 10 selected')).toEqual({ strategy: 'role', role: 'button', name: 'selected' });
  });

  it('prefer a written id to a name that is only a count, and keep the count when nothing else is left', () => {
    expect(locatorOf('21')).toEqual({ strategy: 'id', id: 'tiddler-count' });
    expect(locatorOf('42')).toEqual({ strategy: 'role', role: 'button', name: '42', exact: true });
  });

  it('scope by a region named with a count by its words too', () => {
    const scoped = elements.filter((element) => element.name === 'Open').map((element) => element.locator);
    expect(scoped).toContainEqual({
      strategy: 'role',
      role: 'button',
      name: 'Open',
      exact: true,
      within: { strategy: 'role', role: 'region', name: 'Results' },
    });
  });

  it('keep a number inside a word, which is no count', () => {
    expect(locatorOf('H2O levels')).toEqual({
      strategy: 'role',
      role: 'link',
      name: 'H2O levels',
      exact: true,
    });
  });

  it('still find each control by its locator', async () => {
    for (const element of elements) expect(await toPlaywrightLocator(page, element.locator).count()).toBe(1);
  });
});
