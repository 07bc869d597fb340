import type { ApiModel } from '../core/api-model.ts';
import type { TestOutcome } from '../core/run-report.ts';
import type { ApiSuite, ApiTestCase } from '../core/test-case.ts';
import { applyApiCaseRepair } from '../generation/api/apply-case-repair.ts';
import type { ApiCaseRepairAnswer } from '../generation/api/case-repair-proposals.ts';
import { API_CASE_REPAIR_CAPABILITY, proposeApiCaseRepair } from '../generation/api/model-case-repair.ts';
import {
  recordCaseRepairs,
  repairFailedCases,
  type RepairKind,
  type RepairResult,
} from './case-repair-flow.ts';
import type { ModelRun } from './model-run.ts';
import type { AfterRun } from './run-suite.ts';

export interface ApiRepairContext {
  run: ModelRun;
  model: ApiModel;
  suite: ApiSuite;
  outDir: string;
  baseUrl: string | undefined;
  language: 'en' | 'ru';
  /** The suite's files in its format (Playwright TypeScript or pytest). */
  emit: (suite: ApiSuite) => Promise<Record<string, string>>;
}

export type ApiRepairResult = RepairResult<ApiSuite>;

/** API cases in the shared repair flow: edits checked against the suite's recipes and the spec. */
function apiRepairKind(context: ApiRepairContext): RepairKind<ApiSuite, ApiTestCase, ApiCaseRepairAnswer> {
  return {
    suiteKind: 'api',
    capability: API_CASE_REPAIR_CAPABILITY,
    target: context.baseUrl,
    propose: (client, request) =>
      proposeApiCaseRepair(client, {
        testCase: request.testCase,
        suite: context.suite,
        operations: context.model.operations,
        failure: request.failure,
        reason: request.reason,
        language: context.language,
      }),
    apply(suite, original, answer) {
      const applied = applyApiCaseRepair({
        testCase: original,
        suite,
        operations: context.model.operations,
        answer,
      });
      if (!applied.ok) return applied;
      return {
        ok: true,
        changes: applied.changes,
        suite: {
          ...suite,
          cases: suite.cases.map((testCase) => (testCase.id === original.id ? applied.testCase : testCase)),
        },
      };
    },
    emit: context.emit,
  };
}

/**
 * One repair per failed API case whose failure is a test mistake (a resource never created, no
 * credentials sent): the shared flow of `case-repair-flow.ts` with edits over the suite's kinds.
 */
export function repairApiCases(
  context: ApiRepairContext,
  after: AfterRun,
  result: ApiRepairResult,
): Promise<TestOutcome[]> {
  return repairFailedCases(apiRepairKind(context), context, after, result);
}

/** Records the API repairs' figures in the run's model section. */
export function recordApiCaseRepairs(run: ModelRun, result: ApiRepairResult, required: boolean): void {
  recordCaseRepairs(run, API_CASE_REPAIR_CAPABILITY, result, required);
}
