import type { NavigationEdge, SiteModel } from '../../core/page-model.ts';
import type { CaseDesignOptions, CaseDraft } from './case-set.ts';
import { act, check } from './manual-steps.ts';
import { PageCaseContext } from './page-case-context.ts';
import { describeLocator, pageName } from './page-words.ts';

// One case per way between pages: the link (named with where it sits) and the page it opens.
// Header links present on every page are checked once, from the first page that has them.

export function navigationCases(site: SiteModel, options: CaseDesignOptions): CaseDraft[] {
  const seen = new Set<string>();
  return site.navigation.flatMap((edge) => {
    const from = site.pages.find((page) => page.id === edge.from);
    const to = site.pages.find((page) => page.id === edge.to);
    const key = `${edge.to}|${JSON.stringify(edge.via)}`;
    if (!from || !to || edge.from === edge.to || seen.has(key)) return [];
    seen.add(key);
    return [navigationCase(new PageCaseContext(site, from, options), edge, to)];
  });
}

function navigationCase(
  context: PageCaseContext,
  edge: NavigationEdge,
  to: SiteModel['pages'][number],
): CaseDraft {
  const via = describeLocator(edge.via, context.page);
  const element = context.page.elements.find(
    (candidate) => JSON.stringify(candidate.locator) === JSON.stringify(edge.via),
  );
  return {
    ...context.base(element?.region, element ? [element.id] : [], []),
    title: `${context.name}: ${via} opens ${pageName(to)} (${to.path})`,
    description: `Navigation recorded from ${context.page.path} to ${to.path}.`,
    kind: 'navigation',
    steps: [
      ...context.openSteps(),
      act(`Click ${via}`, `The address becomes ${to.path}`),
      check('Check the page that opened', `It is "${to.title}" with the heading "${pageName(to)}"`),
      check('Go back in the browser', `${context.page.path} is shown again`),
    ],
  };
}
