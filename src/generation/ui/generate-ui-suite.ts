import type { PageModel, SiteModel } from '../../core/page-model.ts';
import type { UiCaseKind, UiSuite, UiTestCase } from '../../core/ui-test-case.ts';
import { accessibilityCase } from './accessibility-cases.ts';
import { ariaSnapshotCases } from './aria-snapshot-cases.ts';
import { boundaryCases } from './boundary-cases.ts';
import { formCases } from './form-cases.ts';
import { interactionCases } from './interaction-cases.ts';
import { mobileCases } from './mobile-cases.ts';
import { navigationCases } from './navigation-cases.ts';
import { smokeCase } from './smoke-cases.ts';
import { stateCases } from './state-cases.ts';
import { UiGenerationContext } from './ui-generation-context.ts';
import { ruleIntentCases } from './rule-intent-cases.ts';
import type { GenerateUiSuiteOptions } from './ui-generation-context.ts';

export type { GenerateUiSuiteOptions } from './ui-generation-context.ts';

type Family = (context: UiGenerationContext, page: PageModel, seenRegions: Set<string>) => UiTestCase[];

// Page by page, in this order: the spec file of a page reads from "it loads" to the details.
const FAMILIES: [UiCaseKind, Family][] = [
  ['smoke', (context, page) => [smokeCase(context, page)]],
  ['navigation', navigationCases],
  ['interaction', interactionCases],
  ['state', stateCases],
  ['form', formCases],
  ['boundary', boundaryCases],
  ['mobile', mobileCases],
  ['accessibility', (context, page) => [accessibilityCase(context, page)]],
  ['aria-snapshot', ariaSnapshotCases],
];

/**
 * Designs a UI suite from what the explorer recorded, deterministically: the same model gives
 * the same cases, ids and page objects. What the model offers but no case can check safely is
 * listed in `skipped` with the reason.
 */
export function generateUiSuite(model: SiteModel, options: GenerateUiSuiteOptions = {}): UiSuite {
  const context = new UiGenerationContext(model, options);
  const kinds = new Set(options.kinds ?? FAMILIES.map(([kind]) => kind));
  const seenRegions = new Set<string>();
  const cases: UiTestCase[] = [];
  for (const page of model.pages) {
    for (const [kind, family] of FAMILIES)
      if (kinds.has(kind)) cases.push(...family(context, page, seenRegions));
  }
  cases.push(...ruleIntentCases(context, options.ruleIntents ?? []));
  return {
    title: options.title ?? `UI tests for ${model.origin}`,
    origin: model.origin,
    viewports: model.viewports,
    pages: context.objects.pageObjects(),
    cases: uniqueTitles(uniqueIds(cases)),
    failOnA11y: context.options.failOnA11y,
    skipped: [
      ...model.issues.map((issue) => ({ what: issue.url, reason: issue.message })),
      ...context.skipped,
    ],
  };
}

function uniqueIds(cases: UiTestCase[]): UiTestCase[] {
  const taken = new Set<string>();
  return cases.map((testCase) => {
    let id = testCase.id;
    for (let suffix = 2; taken.has(id); suffix++) id = `${testCase.id}-${suffix}`;
    taken.add(id);
    return id === testCase.id ? testCase : { ...testCase, id };
  });
}

/** Playwright refuses two tests with one title in a file (a file is a page). */
function uniqueTitles(cases: UiTestCase[]): UiTestCase[] {
  const taken = new Set<string>();
  return cases.map((testCase) => {
    let title = testCase.title;
    for (let suffix = 2; taken.has(`${testCase.page}\n${title}`); suffix++)
      title = `${testCase.title} (${suffix})`;
    taken.add(`${testCase.page}\n${title}`);
    return title === testCase.title ? testCase : { ...testCase, title };
  });
}
