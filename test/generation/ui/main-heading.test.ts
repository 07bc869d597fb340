import { describe, expect, it } from 'vitest';
import type { SiteModel, UiLocator } from '../../../src/core/page-model.ts';
import { generateUiSuite } from '../../../src/generation/ui/generate-ui-suite.ts';
import { countFreeStretch } from '../../../src/core/numbered-text.ts';
import { priceCalculatorSiteModel } from './fixtures/price-calculator/site-model.ts';
import { caseCovering } from './suite-queries.ts';

/** The smoke test's heading locator, as the page object records it, for a home page headed `text`. */
function headingLocator(...headings: { level: number; text: string }[]) {
  const model: SiteModel = structuredClone(priceCalculatorSiteModel);
  const home = model.pages.find((page) => page.id === 'home')!;
  home.headings = headings;
  const suite = generateUiSuite(model);
  const smoke = caseCovering(suite, 'page home');
  const target = smoke.steps
    .flatMap((step) => step.assertions)
    .flatMap((assertion) => ('target' in assertion ? [assertion.target] : []))
    .find((one) => one.name === 'mainHeading');
  return target?.locator;
}

describe("a page's main heading in the smoke test", () => {
  it('is found exactly when it holds no number', () => {
    expect(headingLocator({ level: 1, text: 'Estimate' })).toEqual({
      strategy: 'role',
      role: 'heading',
      name: 'Estimate',
      exact: true,
    });
  });

  it('is found by its words when it holds a count of what the app holds', () => {
    expect(headingLocator({ level: 1, text: 'Feature flags (0)' })).toEqual({
      strategy: 'role',
      role: 'heading',
      name: 'Feature flags',
    });
  });

  it('stays exact when its words are in another heading of the page too', () => {
    expect(
      headingLocator({ level: 1, text: 'Flags (2)' }, { level: 2, text: 'Archived flags' }),
    ).toMatchObject({ name: 'Flags (2)', exact: true });
  });

  it.each([
    ['Feature flags (0)', 'Feature flags'],
    ['Inbox 3', 'Inbox'],
    ['12 open issues', 'open issues'],
    ['Projects (1,024)', 'Projects'],
    ['Version 2.0 release notes', 'release notes'],
    ['3 of 10 selected', 'selected'],
    ['H2O levels', 'H2O levels'],
    ['21', ''],
  ])('finds "%s" by "%s", a part of it without its numbers', (text, words) => {
    expect(countFreeStretch(text)).toBe(words);
  });
});

describe('a heading the mobile layout test checks', () => {
  it('is found by its words too when it holds a count', () => {
    const model: SiteModel = structuredClone(priceCalculatorSiteModel);
    const home = model.pages.find((page) => page.id === 'home')!;
    home.headings = [{ level: 1, text: 'Feature flags (0)' }];
    // Scoped, or not a heading: left as explored.
    const asExplored: UiLocator[] = [
      {
        strategy: 'role',
        role: 'heading',
        name: 'Flags in 2 regions',
        exact: true,
        within: { strategy: 'role', role: 'main' },
      },
      { strategy: 'text', text: 'Updated 3 times', exact: true },
    ];
    home.mobile = {
      viewport: { width: 390, height: 844 },
      visible: [],
      behindMenu: [],
      menuToggle: undefined,
      horizontalOverflow: false,
      overflowing: [],
      screenshot: undefined,
      content: [{ strategy: 'role', role: 'heading', name: 'Feature flags (0)', exact: true }, ...asExplored],
    };
    const layout = caseCovering(generateUiSuite(model), 'mobile home layout');
    const checked = layout.steps
      .flatMap((step) => step.assertions)
      .flatMap((assertion) => (assertion.kind === 'visible' ? [assertion.target.locator] : []));
    expect(checked).toEqual([{ strategy: 'role', role: 'heading', name: 'Feature flags' }, ...asExplored]);
  });
});
