import { describe, expect, it } from 'vitest';
import { pageDeadline } from '../../../src/sources/web/crawl-site.ts';

// Unleash's UI in the real-application benchmark: 420 s, 60 % of it for the crawl (252 s),
// three pages two at once, so a page budget of 168 s.
const limits = { deadline: 252_000, pageBudgetMs: 168_000, maxPages: 3 };

describe('when a page of the crawl stops trying its controls', () => {
  it('leaves half of the crawl to the pages the start page links to', () => {
    expect(pageDeadline(limits, 0, 0)).toBe(126_000);
  });

  it('is the end of the page budget for a start page whose budget is under that half', () => {
    // The price calculator demo: 120 s, a 72 s crawl, four pages: 36 s each.
    expect(pageDeadline({ deadline: 72_000, pageBudgetMs: 36_000, maxPages: 4 }, 0, 0)).toBe(36_000);
  });

  it('gives the budget to pages a level down, and to a start page that is the only page', () => {
    expect(pageDeadline(limits, 1, 130_000)).toBe(252_000);
    expect(pageDeadline(limits, 1, 10_000)).toBe(178_000);
    expect(pageDeadline({ ...limits, maxPages: 1 }, 0, 0)).toBe(168_000);
  });
});
