import type { CoverageGap, ElementCoverage, ExistingTest } from '../core/existing-test.ts';
import type { SiteModel } from '../core/page-model.ts';
import { INTERACTIVE_ROLES } from './locator-matching.ts';
import { SiteIndex } from './site-index.ts';

/** Interactive elements of the site model × the UI tests that act on or check them. */
export function elementCoverage(tests: readonly ExistingTest[], site: SiteModel): ElementCoverage[] {
  const index = new SiteIndex(site);
  const covering = new Map<string, Set<string>>();
  for (const test of tests) {
    for (const action of test.uiActions.filter((candidate) => candidate.target)) {
      for (const { page, element } of index.elements(action.target!, index.pageFor(action.url))) {
        const key = `${page.id}/${element.id}`;
        covering.set(key, (covering.get(key) ?? new Set()).add(test.id));
      }
    }
  }
  return site.pages.flatMap((page) =>
    page.elements
      .filter((element) => INTERACTIVE_ROLES.has(element.role))
      .map((element) => ({
        page: page.id,
        element: element.id,
        role: element.role,
        name: element.name,
        tests: [...(covering.get(`${page.id}/${element.id}`) ?? [])].sort(),
      })),
  );
}

export function elementGaps(coverage: readonly ElementCoverage[]): CoverageGap[] {
  return coverage
    .filter((entry) => entry.tests.length === 0)
    .map((entry) => ({
      kind: 'element',
      ref: `${entry.page}/${entry.element}`,
      description: `no UI test acts on or checks ${entry.role} "${entry.name}" on page ${entry.page}`,
    }));
}
