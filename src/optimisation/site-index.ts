import type { TestLocator } from '../core/existing-test.ts';
import type { PageModel, SiteModel, UiElement } from '../core/page-model.ts';
import { inSnapshot, isControl, matches, observedLocators, sameLocator } from './locator-matching.ts';

export type LocatorMatch = 'found' | 'missing' | 'unknown';

/**
 * Looks up what UI tests point at in a site model: pages by path, elements by locator with
 * Playwright's own rules (role and accessible name, name matched as a case-insensitive substring
 * unless exact). CSS selectors cannot be checked against a model and count as unknown.
 */
export class SiteIndex {
  constructor(private readonly site: SiteModel) {}

  get pages(): PageModel[] {
    return this.site.pages;
  }

  /** The page a path or URL opens; undefined for another origin or an unexplored page. */
  pageFor(url: string | undefined): PageModel | undefined {
    const path = this.pathOf(url);
    if (path === undefined) return undefined;
    return (
      this.site.pages.find((page) => page.path === path) ??
      this.site.pages.find((page) => page.path.split('?')[0] === path.split('?')[0])
    );
  }

  /** Whether a `goto` target is a page of the model: undefined when it is on another origin. */
  hasPage(url: string): boolean | undefined {
    return this.pathOf(url) === undefined ? undefined : this.pageFor(url) !== undefined;
  }

  /** Elements a locator designates on a page (or on any page when the page is unknown). */
  elements(locator: TestLocator, page: PageModel | undefined): { page: PageModel; element: UiElement }[] {
    return (page ? [page] : this.site.pages).flatMap((candidate) =>
      candidate.elements
        .filter((element) => matches(locator, element))
        .map((element) => ({ page: candidate, element })),
    );
  }

  /**
   * Found (as an element, a locator the explorer observed, or in the aria snapshot), missing,
   * or unknown: static text and test ids are only in the snapshot, which may be truncated.
   */
  check(locator: TestLocator, page: PageModel | undefined): LocatorMatch {
    if (locator.strategy === 'css') return 'unknown';
    if (this.elements(locator, page).length > 0) return 'found';
    const pages = page ? [page] : this.site.pages;
    if (pages.some((candidate) => observedLocators(candidate).some((known) => sameLocator(known, locator))))
      return 'found';
    if (pages.some((candidate) => inSnapshot(locator, candidate))) return 'found';
    if (isControl(locator)) return 'missing';
    return pages.some((candidate) => candidate.ariaSnapshotTruncated) ? 'unknown' : 'missing';
  }

  private pathOf(url: string | undefined): string | undefined {
    if (url === undefined) return undefined;
    try {
      const parsed = new URL(url, this.site.origin);
      return parsed.origin === new URL(this.site.origin).origin
        ? `${parsed.pathname}${parsed.search}`
        : undefined;
    } catch {
      return undefined;
    }
  }
}
