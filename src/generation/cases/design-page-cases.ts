import type { ManualCaseSet } from '../../core/manual-case.ts';
import type { SiteModel } from '../../core/page-model.ts';
import { caseSet, finaliseCases, type CaseDraft, type CaseDesignOptions } from './case-set.ts';
import { PageCaseContext } from './page-case-context.ts';
import { formCases } from './page-form-cases.ts';
import { interactionCases } from './page-interaction-cases.ts';
import { limitCases } from './page-limit-cases.ts';
import { mobileCases } from './page-mobile-cases.ts';
import { navigationCases } from './page-navigation-cases.ts';
import { visibilityCases } from './page-visibility-cases.ts';

/**
 * Per page and block of an explored site: visibility of its key elements, each observed
 * interaction with its recorded effect, limits from field constraints, form validation, mobile
 * layout; then the navigation between pages. Pages the explorer could not reach are unused.
 */
export function designPageCases(
  site: SiteModel,
  location: string,
  options: CaseDesignOptions,
): ManualCaseSet {
  const drafts: CaseDraft[] = [];
  const unused: ManualCaseSet['unused'] = site.issues.map((issue) => ({
    ref: issue.url,
    reason: issue.message,
  }));
  const seenBlocks = new Set<string>();
  const seenMenus = new Set<string>();
  for (const page of site.pages) {
    const context = new PageCaseContext(site, page, options);
    const consumed = new Set<string>();
    drafts.push(
      ...visibilityCases(context, seenBlocks),
      ...limitCases(context, consumed),
      ...formCases(context),
      ...interactionCases(context, consumed, unused),
      ...mobileCases(context, seenMenus),
    );
  }
  drafts.push(...navigationCases(site, options));
  return caseSet({
    title: `${site.origin} (explored ${site.exploredAt.slice(0, 10)})`,
    source: { kind: 'page-model', location },
    requirements: [],
    cases: finaliseCases(drafts, options.owner),
    unused,
  });
}
