import { withoutCounts } from '../../core/numbered-text.ts';
import type { PageModel } from '../../core/page-model.ts';
import type { UiTarget } from '../../core/ui-test-case.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/**
 * The page's first level-1 heading, as a locator on its page object. A number in it ("Feature
 * flags (0)", "Inbox 3") counts what the app holds, which the suite's own creates change between
 * runs (seen on a real admin UI: every list page's smoke test failed once a create test had
 * run). Such a heading is found by its words alone, where they are in no other heading of the
 * page; the count itself is for the tests that change it.
 */
export function mainHeading(context: UiGenerationContext, page: PageModel): UiTarget | undefined {
  const heading = page.headings.find((candidate) => candidate.level === 1);
  if (!heading) return undefined;
  const words = withoutCounts(heading.text);
  const inHeadings = page.headings.filter((other) =>
    other.text.toLowerCase().includes(words.toLowerCase()),
  ).length;
  const loose = words !== heading.text && /\p{L}{2}/u.test(words) && inHeadings === 1;
  return context.objects.target(
    page.id,
    loose
      ? { strategy: 'role', role: 'heading', name: words }
      : { strategy: 'role', role: 'heading', name: heading.text, exact: true },
    'mainHeading',
  );
}
