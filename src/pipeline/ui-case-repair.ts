import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CaseRepair } from '../core/case-repair.ts';
import { describeError } from '../core/errors.ts';
import { timedStage } from '../core/events.ts';
import type { SiteModel } from '../core/page-model.ts';
import type { TestOutcome } from '../core/run-report.ts';
import type { TriageFailure } from '../core/triage.ts';
import type { UiSuite, UiTestCase } from '../core/ui-test-case.ts';
import { emitPlaywrightUiSuite } from '../emit/playwright-ui/emit-playwright-ui-suite.ts';
import { quote } from '../emit/playwright-ts/render-expression.ts';
import { applyCaseRepair } from '../generation/ui/apply-case-repair.ts';
import type { CaseRepairAnswer } from '../generation/ui/case-repair-proposals.ts';
import { CASE_REPAIR_CAPABILITY, proposeCaseRepair } from '../generation/ui/model-case-repair.ts';
import { testMistakeOf } from '../triage/test-mistake.ts';
import { capabilityReport, type ModelRun } from './model-run.ts';
import type { AfterRun } from './run-suite.ts';
import { gateModelCode } from './standards-gate.ts';

/** At most this many failed cases get a repair per run: each costs a model call. */
const REPAIRS_PER_RUN = 10;
/** Repaired cases run here, beside the suite, sharing its installed runner. */
const REPAIR_DIR = '.repair-run';

export interface UiRepairContext {
  run: ModelRun;
  site: SiteModel;
  suite: UiSuite;
  outDir: string;
  language: 'en' | 'ru';
}

/** What the repairs gave: the suite as delivered, every attempt, and the model's figures. */
export interface UiRepairResult {
  suite: UiSuite;
  repairs: CaseRepair[];
  /** Set when the model was asked: the figures for the report's model section. */
  figures?: {
    proposed: number;
    rejected: number;
    delivered: number;
    repaired: number;
    failed: number;
    asked: number;
    error: unknown;
  };
}

interface Attempt {
  record: CaseRepair;
  original: UiTestCase;
  answer?: CaseRepairAnswer;
  repaired?: UiTestCase;
}

/**
 * One repair per failed case whose failure the triage rules call a test mistake: the model's
 * structured change, checked against the page model, then the changed cases alone run as often
 * as the suite did. A case that passes every run replaces the original (after the standards
 * check); otherwise the original failure stands. Without a model nothing changes.
 */
export async function repairUiCases(
  context: UiRepairContext,
  after: AfterRun,
  result: UiRepairResult,
): Promise<TestOutcome[]> {
  const client = context.run.access.client;
  if (!client) return after.outcomes;
  const attempts = candidates(context.suite, after.outcomes);
  if (attempts.length === 0) return after.outcomes;
  const figures = {
    proposed: 0,
    rejected: 0,
    delivered: 0,
    repaired: 0,
    failed: 0,
    asked: attempts.length,
    error: undefined as unknown,
  };
  result.figures = figures;
  let pages = context.suite.pages;
  await timedStage(context.run.events, 'repair failed tests', async () => {
    for (const attempt of attempts) {
      const failure = after.outcomes.find((outcome) => outcome.title === attempt.record.test)!.failure!;
      const asked = await proposeCaseRepair(client, {
        testCase: attempt.original,
        site: context.site,
        failure: failure.message,
        reason: attempt.record.reason,
        language: context.language,
      }).catch((error: unknown) => ({ error }));
      if ('error' in asked) {
        figures.failed += 1;
        figures.error ??= asked.error;
        const why = describeError(asked.error).split('\n')[0];
        settle(attempt, 'model-unavailable', `the model call failed (${why}): the original failure stands`);
        continue;
      }
      figures.repaired += asked.repaired ? 1 : 0;
      attempt.answer = asked.answer;
      if (asked.answer.changes.length > 0) figures.proposed += 1;
      const applied = applyCaseRepair({
        testCase: attempt.original,
        pages,
        site: context.site,
        answer: asked.answer,
      });
      attempt.record.changes = applied.changes;
      if (!applied.ok) {
        if (asked.answer.changes.length > 0) figures.rejected += 1;
        settle(attempt, asked.answer.changes.length > 0 ? 'rejected' : 'no-repair', applied.reason);
        continue;
      }
      attempt.repaired = applied.testCase;
      pages = applied.pages;
    }
  });
  const tried = attempts.filter((attempt) => attempt.repaired);
  const rerun =
    tried.length > 0
      ? await runRepaired(context, after, {
          ...context.suite,
          pages,
          cases: tried.map((attempt) => attempt.repaired!),
        })
      : [];
  for (const attempt of tried) {
    const outcome = rerun.find((candidate) => candidate.title === attempt.original.title);
    const passed = outcome?.verdict === 'delivered' && outcome.passes === after.repeat;
    settle(
      attempt,
      passed ? 'delivered' : 'still-failing',
      outcome
        ? `passed ${outcome.passes} of ${outcome.runs} runs${passed ? '' : ': the original failure stands'}`
        : 'did not run',
    );
  }
  const delivered = attempts.filter((attempt) => attempt.record.outcome === 'delivered');
  result.repairs = attempts.map((attempt) => attempt.record);
  for (const attempt of attempts)
    context.run.events({
      type: 'log',
      level: 'info',
      message: `test repair "${attempt.record.test}" (${attempt.record.mistake}): ${attempt.record.outcome} — ${attempt.record.detail}`,
    });
  if (delivered.length === 0) return after.outcomes;
  const final = await deliver(context, delivered);
  result.suite = final;
  if (final === context.suite) {
    for (const attempt of delivered) settle(attempt, 'rejected', 'its code did not pass the standards check');
    return after.outcomes;
  }
  figures.delivered = delivered.length;
  const files = emitPlaywrightUiSuite(final, { baseUrl: context.site.origin });
  for (const [path, content] of Object.entries(files)) await writeAt(join(context.outDir, path), content);
  const replaced = new Map(
    delivered.map((attempt) => [
      attempt.original.title,
      rerun.find((outcome) => outcome.title === attempt.original.title)!,
    ]),
  );
  return after.outcomes.map((outcome) => relocate(replaced.get(outcome.title) ?? outcome, files));
}

/** Failed cases whose failure is a test mistake, each an attempt not yet settled. */
function candidates(suite: UiSuite, outcomes: TestOutcome[]): Attempt[] {
  const byTitle = new Map(suite.cases.map((testCase) => [testCase.title, testCase]));
  const attempts: Attempt[] = [];
  for (const outcome of outcomes) {
    const original = byTitle.get(outcome.title);
    if (outcome.verdict !== 'defect' || !outcome.failure || !original) continue;
    const verdict = testMistakeOf(triageFailure(outcome), 'ui');
    if (!verdict) continue;
    attempts.push({
      original,
      record: {
        test: outcome.title,
        mistake: verdict.mistake,
        reason: verdict.reason,
        changes: [],
        outcome: 'no-repair',
        detail: '',
      },
    });
  }
  return attempts.slice(0, REPAIRS_PER_RUN);
}

function triageFailure(outcome: TestOutcome): TriageFailure {
  return {
    test: outcome.title,
    file: outcome.file,
    operation: outcome.operation,
    status: 'failed',
    message: outcome.failure!.message,
    frames: [],
    expected: outcome.failure!.expected,
    actual: outcome.failure!.actual,
    findingSignature: undefined,
    findingTitle: undefined,
    passes: outcome.passes,
    runs: outcome.runs,
  };
}

function settle(attempt: Attempt, outcome: CaseRepair['outcome'], detail: string): void {
  attempt.record.outcome = outcome;
  attempt.record.detail = detail;
}

/** The repaired cases alone, as a suite of their own beside the delivered one, run like it. */
async function runRepaired(
  context: UiRepairContext,
  after: AfterRun,
  suite: UiSuite,
): Promise<TestOutcome[]> {
  const dir = join(context.outDir, REPAIR_DIR);
  await rm(dir, { recursive: true, force: true });
  try {
    for (const [path, content] of Object.entries(
      emitPlaywrightUiSuite(suite, { baseUrl: context.site.origin }),
    ))
      await writeAt(join(dir, path), content);
    await symlink(join(context.outDir, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const { result } = await timedStage(context.run.events, `run repaired tests ×${after.repeat}`, () =>
      after.rerun(dir),
    );
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The suite with the delivered repairs, applied again to the original page objects. */
async function deliver(context: UiRepairContext, delivered: Attempt[]): Promise<UiSuite> {
  let pages = context.suite.pages;
  const cases = new Map<string, UiTestCase>();
  for (const attempt of delivered) {
    const applied = applyCaseRepair({
      testCase: attempt.original,
      pages,
      site: context.site,
      answer: attempt.answer!,
    });
    if (!applied.ok) continue;
    pages = applied.pages;
    cases.set(attempt.original.id, applied.testCase);
  }
  const assisted = {
    ...context.suite,
    pages,
    cases: context.suite.cases.map((testCase) => cases.get(testCase.id) ?? testCase),
  };
  return gateModelCode(
    context.run,
    { assisted, deterministic: () => context.suite },
    (suite) => emitPlaywrightUiSuite(suite, { baseUrl: context.site.origin }),
    { capability: CASE_REPAIR_CAPABILITY, target: context.site.origin },
  );
}

/** A rewritten spec file moves tests: the outcome's `file:line` follows its title. */
function relocate(outcome: TestOutcome, files: Record<string, string>): TestOutcome {
  const file = /^(.*):\d+$/.exec(outcome.file)?.[1] ?? outcome.file;
  const source = files[`tests/${file.replace(/^tests\//, '')}`];
  if (!source) return outcome;
  const index = source.split('\n').findIndex((line) => line.includes(`test(${quote(outcome.title)},`));
  return index < 0 ? outcome : { ...outcome, file: `${file}:${index + 1}` };
}

async function writeAt(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/** Records the capability's figures in the run's model section; throws with `--llm required` when it failed. */
export function recordCaseRepairs(run: ModelRun, result: UiRepairResult, required: boolean): void {
  const figures = result.figures;
  if (!figures) return;
  const entry = capabilityReport(
    CASE_REPAIR_CAPABILITY,
    run.access.client?.model ?? 'model',
    {
      proposed: figures.proposed,
      rejected: figures.rejected,
      delivered: figures.delivered,
      repaired: figures.repaired,
      failedBatches: figures.failed,
      batches: figures.asked,
      error: figures.error,
    },
    `repaired ${figures.asked} failed test(s): ${figures.proposed} change(s) proposed, ${figures.rejected} rejected, ${figures.delivered} delivered after passing every run`,
  );
  run.record(entry);
  if (entry.status === 'unavailable' && required) throw figures.error;
}
