import { access, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CaseRepair } from '../core/case-repair.ts';
import { describeError } from '../core/errors.ts';
import { timedStage } from '../core/events.ts';
import type { ModelClient } from '../core/model-client.ts';
import type { FailureEvidence, TestOutcome } from '../core/run-report.ts';
import type { TriageFailure } from '../core/triage.ts';
import { testMistakeOf } from '../triage/test-mistake.ts';
import { capabilityReport, type ModelRun } from './model-run.ts';
import { relocateOutcome } from './relocate-outcome.ts';
import type { AfterRun } from './run-suite.ts';
import { gateModelCode } from './standards-gate.ts';

/** At most this many failed cases get a repair per run: each costs a model call. */
const REPAIRS_PER_RUN = 10;
/** Repaired cases run here, beside the suite, sharing its installed runner. */
const REPAIR_DIR = '.repair-run';

/** A case changed by a repair, and the suite it now sits in (new page objects, new uses). */
export type AppliedToSuite<Suite> =
  { ok: true; suite: Suite; changes: string[] } | { ok: false; reason: string; changes: string[] };

/**
 * What one suite kind gives the shared repair flow: its cases, the model call, how an answer is
 * checked and applied (every name it uses must exist), and how the suite is emitted.
 */
/** What the flow needs of every kind of suite, case and answer: cases with titles, a list of changes. */
export type RepairableCase = { title: string };
export type RepairableSuite<Case extends RepairableCase> = { cases: Case[] };
export type RepairAnswer = { changes: readonly unknown[] };

export interface RepairKind<
  Suite extends RepairableSuite<Case>,
  Case extends RepairableCase,
  Answer extends RepairAnswer,
> {
  suiteKind: 'api' | 'ui';
  capability: string;
  /** The target the standards check judges the code for. */
  target: string | undefined;
  propose(
    client: ModelClient,
    request: { testCase: Case; failure: FailureEvidence; reason: string },
  ): Promise<{ answer: Answer; repaired: boolean }>;
  /** The answer applied to `original` inside `suite`, or why it cannot be. */
  apply(suite: Suite, original: Case, answer: Answer): AppliedToSuite<Suite>;
  emit(suite: Suite): Promise<Record<string, string>> | Record<string, string>;
}

/** What the repairs gave: the suite as delivered, every attempt, and the model's figures. */
export interface RepairResult<Suite> {
  suite: Suite;
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

interface Attempt<Case, Answer> {
  record: CaseRepair;
  original: Case;
  answer?: Answer;
  repaired?: boolean;
}

/**
 * One repair per failed case whose failure the triage rules call a test mistake: the model's
 * structured change, checked against what the suite's model of the target has, then the changed
 * cases alone run as often as the suite did. A case that passes every run replaces the original
 * (after the standards check); otherwise the original failure stands. Without a model nothing
 * changes. Called from runSuite's `afterRun`, so no model call is made while tests run.
 */
export async function repairFailedCases<
  Suite extends RepairableSuite<Case>,
  Case extends RepairableCase,
  Answer extends RepairAnswer,
>(
  kind: RepairKind<Suite, Case, Answer>,
  context: { run: ModelRun; suite: Suite; outDir: string },
  after: AfterRun,
  result: RepairResult<Suite>,
): Promise<TestOutcome[]> {
  const client = context.run.access.client;
  if (!client) return after.outcomes;
  const attempts = candidates(kind, context.suite, after.outcomes);
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
  let working = context.suite;
  await timedStage(context.run.events, 'repair failed tests', async () => {
    for (const attempt of attempts) {
      const failure = after.outcomes.find((outcome) => outcome.title === attempt.record.test)!.failure!;
      const asked = await kind
        .propose(client, { testCase: attempt.original, failure, reason: attempt.record.reason })
        .catch((error: unknown) => ({ error }));
      if ('error' in asked) {
        figures.failed += 1;
        figures.error ??= asked.error;
        const why = describeError(asked.error).split('\n')[0];
        settle(attempt, 'model-unavailable', `the model call failed (${why}): the original failure stands`);
        continue;
      }
      figures.repaired += asked.repaired ? 1 : 0;
      attempt.answer = asked.answer;
      const proposed = asked.answer.changes.length > 0;
      if (proposed) figures.proposed += 1;
      const applied = kind.apply(working, attempt.original, asked.answer);
      attempt.record.changes = applied.changes;
      if (!applied.ok) {
        if (proposed) figures.rejected += 1;
        settle(attempt, proposed ? 'rejected' : 'no-repair', applied.reason);
        continue;
      }
      attempt.repaired = true;
      working = applied.suite;
    }
  });
  const tried = attempts.filter((attempt) => attempt.repaired);
  const rerun =
    tried.length > 0
      ? await runRepaired(
          kind,
          context,
          after,
          onlyCases(working, new Set(tried.map((attempt) => attempt.record.test))),
        )
      : [];
  for (const attempt of tried) {
    const outcome = rerun.find((candidate) => candidate.title === attempt.record.test);
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
  const final = await deliver(kind, context, delivered);
  result.suite = final;
  if (final === context.suite) {
    for (const attempt of delivered) settle(attempt, 'rejected', 'its code did not pass the standards check');
    return after.outcomes;
  }
  figures.delivered = delivered.length;
  const files = await kind.emit(final);
  for (const [path, content] of Object.entries(files)) await writeAt(join(context.outDir, path), content);
  const replaced = new Map(
    delivered.map((attempt) => [
      attempt.record.test,
      rerun.find((outcome) => outcome.title === attempt.record.test)!,
    ]),
  );
  return after.outcomes.map((outcome) => relocateOutcome(replaced.get(outcome.title) ?? outcome, files));
}

/** Failed cases whose failure is a test mistake, each an attempt not yet settled. */
function candidates<
  Suite extends RepairableSuite<Case>,
  Case extends RepairableCase,
  Answer extends RepairAnswer,
>(kind: RepairKind<Suite, Case, Answer>, suite: Suite, outcomes: TestOutcome[]): Attempt<Case, Answer>[] {
  const byTitle = new Map(suite.cases.map((testCase) => [testCase.title, testCase]));
  const attempts: Attempt<Case, Answer>[] = [];
  for (const outcome of outcomes) {
    const original = byTitle.get(outcome.title);
    if (outcome.verdict !== 'defect' || !outcome.failure || !original) continue;
    const verdict = testMistakeOf(triageFailure(outcome), kind.suiteKind);
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

function settle(attempt: { record: CaseRepair }, outcome: CaseRepair['outcome'], detail: string): void {
  attempt.record.outcome = outcome;
  attempt.record.detail = detail;
}

/** The repaired cases alone, as a suite of their own beside the delivered one, run like it. */
async function runRepaired<
  Suite extends RepairableSuite<Case>,
  Case extends RepairableCase,
  Answer extends RepairAnswer,
>(
  kind: RepairKind<Suite, Case, Answer>,
  context: { run: ModelRun; outDir: string },
  after: AfterRun,
  suite: Suite,
): Promise<TestOutcome[]> {
  const dir = join(context.outDir, REPAIR_DIR);
  await rm(dir, { recursive: true, force: true });
  try {
    for (const [path, content] of Object.entries(await kind.emit(suite)))
      await writeAt(join(dir, path), content);
    // The suite's installed runner, shared: nothing is installed twice.
    const modules = join(context.outDir, 'node_modules');
    if (await exists(modules)) await symlink(modules, join(dir, 'node_modules'), 'dir');
    const { result } = await timedStage(context.run.events, `run repaired tests ×${after.repeat}`, () =>
      after.rerun(dir),
    );
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The suite with the delivered repairs, applied again to the original suite, through the standards gate. */
async function deliver<
  Suite extends RepairableSuite<Case>,
  Case extends RepairableCase,
  Answer extends RepairAnswer,
>(
  kind: RepairKind<Suite, Case, Answer>,
  context: { run: ModelRun; suite: Suite },
  delivered: Attempt<Case, Answer>[],
): Promise<Suite> {
  let assisted = context.suite;
  for (const attempt of delivered) {
    const applied = kind.apply(assisted, attempt.original, attempt.answer!);
    if (applied.ok) assisted = applied.suite;
  }
  return gateModelCode(
    context.run,
    { assisted, deterministic: () => context.suite },
    (suite) => kind.emit(suite),
    { capability: kind.capability, target: kind.target },
  );
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function writeAt(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

/** Records the capability's figures in the run's model section; throws with `--llm required` when it failed. */
export function recordCaseRepairs(
  run: ModelRun,
  capability: string,
  result: RepairResult<unknown>,
  required: boolean,
): void {
  const figures = result.figures;
  if (!figures) return;
  const entry = capabilityReport(
    capability,
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

/** The suite with only the cases of these titles: the repaired ones, re-run alone. */
function onlyCases<Suite extends RepairableSuite<Case>, Case extends RepairableCase>(
  suite: Suite,
  titles: Set<string>,
): Suite {
  return { ...suite, cases: suite.cases.filter((testCase) => titles.has(testCase.title)) };
}
