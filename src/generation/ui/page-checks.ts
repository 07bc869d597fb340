import { countFreeStretch } from '../../core/numbered-text.ts';
import type { PageModel, UiLocator } from '../../core/page-model.ts';
import type { UiTarget } from '../../core/ui-test-case.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/**
 * The page's first level-1 heading, as a locator on its page object (see `countlessHeading`).
 */
export function mainHeading(context: UiGenerationContext, page: PageModel): UiTarget | undefined {
  const heading = page.headings.find((candidate) => candidate.level === 1);
  if (!heading) return undefined;
  return context.objects.target(
    page.id,
    countlessHeading(page, { strategy: 'role', role: 'heading', name: heading.text, exact: true }),
    'mainHeading',
  );
}

/**
 * A heading found by its words alone when it holds a number. The number ("Feature flags (0)",
 * "Inbox 3") counts what the app holds, which the suite's own creates change between runs (seen
 * on a real admin UI: every list page's smoke and mobile tests failed once a create test had
 * run). Only where the words are in no other heading of the page; the count itself is for the
 * tests that change it. Any other locator is returned as it is.
 */
export function countlessHeading(page: PageModel, locator: UiLocator): UiLocator {
  if (locator.strategy !== 'role' || locator.role !== 'heading' || !locator.name || locator.within)
    return locator;
  const words = countFreeStretch(locator.name);
  const inHeadings = page.headings.filter((other) =>
    other.text.toLowerCase().includes(words.toLowerCase()),
  ).length;
  const loose = words !== '' && words !== locator.name && inHeadings === 1;
  return loose ? { strategy: 'role', role: 'heading', name: words } : locator;
}
