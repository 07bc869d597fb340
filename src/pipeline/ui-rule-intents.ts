import { timedStage } from '../core/events.ts';
import type { SiteModel } from '../core/page-model.ts';
import type { RunReport } from '../core/run-report.ts';
import type { UiSuite } from '../core/ui-test-case.ts';
import {
  proposeRuleIntents,
  RULE_INTENTS_CAPABILITY,
  type RuleIntentsOutcome,
} from '../generation/ui/model-rule-intents.ts';
import { RULE_COVER_PREFIX } from '../generation/ui/rule-intent-cases.ts';
import { capabilityReport, type ModelRun } from './model-run.ts';

/** Shown per rejected intent in the log; the count is in the report. */
const REJECTIONS_LOGGED = 10;

/** The model's scenarios for the explored pages, checked against the page model; none without a model. */
export async function modelRuleIntents(
  run: ModelRun,
  site: SiteModel,
  language: 'en' | 'ru' | undefined,
): Promise<RuleIntentsOutcome | undefined> {
  const client = run.access.client;
  if (!client) return undefined;
  const { result } = await timedStage(run.events, 'propose business-rule scenarios', () =>
    proposeRuleIntents(client, site, language ?? 'en'),
  );
  for (const [page, tokens] of Object.entries(result.tokensPerPage))
    run.events({
      type: 'log',
      level: 'info',
      message: `page ${page}: about ${tokens} input tokens for the model`,
    });
  for (const reason of result.rejected.slice(0, REJECTIONS_LOGGED))
    run.events({ type: 'log', level: 'info', message: `model scenario rejected: ${reason}` });
  return result;
}

/**
 * Records what the intents became once the suite ran: delivered are the rule cases that passed
 * every run; one that was not built, failed or was flaky is not delivered.
 */
export function recordRuleIntents(
  run: ModelRun,
  outcome: RuleIntentsOutcome,
  suite: UiSuite,
  report: RunReport,
  required: boolean,
): void {
  const ruleCases = ruleCasesOf(suite);
  const failed = new Set([
    ...report.suspectedDefects.map((defect) => defect.test),
    ...report.flaky.map((test) => test.test),
    ...report.skippedTests.map((test) => test.test),
  ]);
  const delivered = report.executed ? ruleCases.filter((testCase) => !failed.has(testCase.title)).length : 0;
  const largest = Math.max(0, ...Object.values(outcome.tokensPerPage));
  const entry = capabilityReport(
    RULE_INTENTS_CAPABILITY,
    run.access.client?.model ?? 'model',
    {
      ...outcome,
      rejected: outcome.rejected.length,
      delivered,
    },
    `proposed ${outcome.proposed} scenario(s): ${ruleCases.length} built, ${report.executed ? `${delivered} passed every run` : 'not run'}; largest page prompt about ${largest} tokens`,
  );
  run.record(entry);
  if (entry.status === 'unavailable' && required) throw outcome.error;
}

/** The cases built from the model's intents. */
export function ruleCasesOf(suite: UiSuite): UiSuite['cases'] {
  return suite.cases.filter((testCase) =>
    testCase.covers.some((cover) => cover.startsWith(RULE_COVER_PREFIX)),
  );
}
