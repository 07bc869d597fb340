import type { ApiModel } from '../core/api-model.ts';
import { timedStage } from '../core/events.ts';
import type { RunReport } from '../core/run-report.ts';
import type { ApiSuite } from '../core/test-case.ts';
import {
  proposeRuleCases,
  RULE_CASES_CAPABILITY,
  type RuleCasesOutcome,
} from '../generation/api/model-rule-cases.ts';
import { capabilityReport, type ModelRun } from './model-run.ts';

/** Shown per rejected proposal in the log; the count is in the report. */
const REJECTIONS_LOGGED = 10;

/**
 * The model's cases for the business rules the API's text states, built over the designed suite
 * (see generation/api/model-rule-cases.ts); none without a model, or when `kinds` leaves them out.
 */
export async function modelApiRuleCases(
  run: ModelRun,
  model: ApiModel,
  suite: ApiSuite,
  options: { language: 'en' | 'ru' | undefined; kinds: string[] | undefined },
): Promise<RuleCasesOutcome | undefined> {
  const client = run.access.client;
  if (!client) return undefined;
  if (options.kinds && options.kinds.length > 0 && !options.kinds.includes('rule')) return undefined;
  const { result } = await timedStage(run.events, 'propose business-rule cases', () =>
    proposeRuleCases(client, { model, suite, language: options.language ?? 'en' }),
  );
  for (const reason of result.rejected.slice(0, REJECTIONS_LOGGED))
    run.events({ type: 'log', level: 'info', message: `model rule case rejected: ${reason}` });
  return result;
}

/**
 * Records what the rule cases became: once the suite ran, delivered are those that passed every
 * run (the others are the report's unconfirmed scenarios); without a run, those built.
 */
export function recordApiRuleCases(
  run: ModelRun,
  outcome: RuleCasesOutcome,
  report: RunReport | undefined,
  required: boolean,
): void {
  const failed = new Set([
    ...(report?.suspectedDefects.map((defect) => defect.test) ?? []),
    ...(report?.flaky.map((test) => test.test) ?? []),
    ...(report?.skippedTests.map((test) => test.test) ?? []),
  ]);
  const executed = report?.executed === true;
  const delivered = outcome.cases.filter((testCase) => !failed.has(testCase.title)).length;
  const entry = capabilityReport(
    RULE_CASES_CAPABILITY,
    run.access.client?.model ?? 'model',
    { ...outcome, rejected: outcome.rejected.length, delivered: executed ? delivered : 0 },
    `proposed ${outcome.proposed} business-rule case(s): ${outcome.cases.length} built, ${executed ? `${delivered} passed every run` : 'not run'}`,
  );
  run.record(entry);
  if (entry.status === 'unavailable' && required) throw outcome.error;
}
