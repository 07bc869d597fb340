import type { PageModel } from '../../core/page-model.ts';
import type { UiTarget } from '../../core/ui-test-case.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/** The page's first level-1 heading, as a locator on its page object. */
export function mainHeading(context: UiGenerationContext, page: PageModel): UiTarget | undefined {
  const heading = page.headings.find((candidate) => candidate.level === 1);
  if (!heading) return undefined;
  return context.objects.target(
    page.id,
    { strategy: 'role', role: 'heading', name: heading.text, exact: true },
    'mainHeading',
  );
}
