import { describe, expect, it } from 'vitest';
import { MIN_PAGE_BUDGET_MS, pageBudgetFor } from '../../../src/sources/web/crawl-site.ts';

describe('the wall time a page of the crawl may spend', () => {
  const limits = { pageBudgetMs: 168_000, concurrency: 2 };

  it('is the whole budget for pages that run as many at once as the crawl allows', () => {
    expect(pageBudgetFor(limits, 2)).toBe(168_000);
    expect(pageBudgetFor(limits, 5)).toBe(168_000);
  });

  it('is its share of the time for a page alone on its level, the start page', () => {
    // 420 s, 60 % for the crawl, three pages two at once: the start page had 168 s alone and
    // left the two pages a level down (where the create was) 84 s.
    expect(pageBudgetFor(limits, 1)).toBe(84_000);
  });

  it('never falls below the time a page takes to load and be read', () => {
    expect(pageBudgetFor({ pageBudgetMs: 20_000, concurrency: 2 }, 1)).toBe(MIN_PAGE_BUDGET_MS);
    expect(pageBudgetFor({ pageBudgetMs: 20_000, concurrency: 1 }, 1)).toBe(20_000);
  });
});
