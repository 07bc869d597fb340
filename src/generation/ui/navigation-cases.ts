import type { PageModel, UiElement, UiLink } from '../../core/page-model.ts';
import type { UiAssertion, UiTestCase } from '../../core/ui-test-case.ts';
import { actStep, arrangeStep, assertStep, slug, uiCase } from './case-steps.ts';
import { describePage } from './describe.ts';
import { mainHeading } from './page-checks.ts';
import { stepAction } from './resolve-actions.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/**
 * Each internal link visible on arrival leads where it led during exploration (one per target);
 * links of the frame every page shares (the main menu) once for the whole site.
 */
export function navigationCases(context: UiGenerationContext, page: PageModel): UiTestCase[] {
  const seen = new Set<string>();
  const cases: UiTestCase[] = [];
  for (const link of page.links) {
    const element = context.element(page.id, link.elementId);
    const target = link.target ? context.page(link.target) : undefined;
    if (link.internal && !target && element)
      context.skip(
        `link ${page.id}/${link.elementId}`,
        `${link.href} was not explored, so where it leads is unknown`,
      );
    if (!element || !target || !followable(link, element, page) || seen.has(target.id)) continue;
    if (cases.length >= context.options.maxLinksPerPage) {
      context.skip(
        `link ${page.id}/${link.elementId}`,
        `more than ${context.options.maxLinksPerPage} link targets on the page`,
      );
      continue;
    }
    seen.add(target.id);
    // The shared menu leads to the same place from every page: checked on the first one.
    if (context.inSharedRegion(element) && !context.once(`link ${element.region} ${target.id}`)) continue;
    cases.push(navigationCase(context, page, link, element, target));
  }
  return cases;
}

function followable(link: UiLink, element: UiElement, page: PageModel): boolean {
  return (
    link.internal && link.target !== page.id && element.visible && element.enabled && !element.destructive
  );
}

function navigationCase(
  context: UiGenerationContext,
  page: PageModel,
  link: UiLink,
  element: UiElement,
  target: PageModel,
): UiTestCase {
  const click = stepAction(context, {
    recorded: { kind: 'click', target: element.id },
    element,
    page: page.id,
  });
  const assertions: UiAssertion[] = [{ kind: 'url', path: target.path }];
  const heading = mainHeading(context, target);
  if (heading) assertions.push({ kind: 'visible', target: heading });
  return uiCase({
    id: `${page.id}-navigation-${slug(`${element.id} to ${target.id}`)}`,
    title: `Link "${link.text}" on ${page.path} opens ${describePage(target)}`,
    kind: 'navigation',
    page: page.id,
    priority: 'normal',
    steps: [arrangeStep(page), actStep([click]), assertStep(assertions)],
    covers: [`link ${page.id}/${link.elementId} → ${target.id}`],
  });
}
