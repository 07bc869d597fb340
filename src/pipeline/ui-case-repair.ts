import type { SiteModel } from '../core/page-model.ts';
import type { TestOutcome } from '../core/run-report.ts';
import type { UiSuite, UiTestCase } from '../core/ui-test-case.ts';
import { emitPlaywrightUiSuite } from '../emit/playwright-ui/emit-playwright-ui-suite.ts';
import { applyCaseRepair } from '../generation/ui/apply-case-repair.ts';
import type { CaseRepairAnswer } from '../generation/ui/case-repair-proposals.ts';
import { CASE_REPAIR_CAPABILITY, proposeCaseRepair } from '../generation/ui/model-case-repair.ts';
import {
  recordCaseRepairs as recordRepairs,
  repairFailedCases,
  type RepairKind,
  type RepairResult,
} from './case-repair-flow.ts';
import type { ModelRun } from './model-run.ts';
import type { AfterRun } from './run-suite.ts';

export interface UiRepairContext {
  run: ModelRun;
  site: SiteModel;
  suite: UiSuite;
  outDir: string;
  language: 'en' | 'ru';
}

export type UiRepairResult = RepairResult<UiSuite>;

/** UI cases in the shared repair flow: edits checked against the page model, a page object per page. */
function uiRepairKind(context: UiRepairContext): RepairKind<UiSuite, UiTestCase, CaseRepairAnswer> {
  return {
    suiteKind: 'ui',
    capability: CASE_REPAIR_CAPABILITY,
    target: context.site.origin,
    propose: (client, request) =>
      proposeCaseRepair(client, {
        testCase: request.testCase,
        site: context.site,
        failure: request.failure.message,
        reason: request.reason,
        language: context.language,
      }),
    apply(suite, original, answer) {
      const applied = applyCaseRepair({ testCase: original, pages: suite.pages, site: context.site, answer });
      if (!applied.ok) return applied;
      return {
        ok: true,
        changes: applied.changes,
        suite: {
          ...suite,
          pages: applied.pages,
          cases: suite.cases.map((testCase) => (testCase.id === original.id ? applied.testCase : testCase)),
        },
      };
    },
    emit: (suite) => emitPlaywrightUiSuite(suite, { baseUrl: context.site.origin }),
  };
}

/**
 * One repair per failed UI case whose failure is a test mistake (a locator, a missing step):
 * the shared flow of `case-repair-flow.ts` with edits over the page model's element ids.
 */
export function repairUiCases(
  context: UiRepairContext,
  after: AfterRun,
  result: UiRepairResult,
): Promise<TestOutcome[]> {
  return repairFailedCases(uiRepairKind(context), context, after, result);
}

/** Records the UI repairs' figures in the run's model section. */
export function recordCaseRepairs(run: ModelRun, result: UiRepairResult, required: boolean): void {
  recordRepairs(run, CASE_REPAIR_CAPABILITY, result, required);
}
