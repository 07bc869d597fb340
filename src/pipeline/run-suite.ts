import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { TestopsError } from '../core/errors.ts';
import { ignoreEvents, timedStage, type EventSink } from '../core/events.ts';
import type { Conformance, PacedRun, RunReport, SuspectedDefect, TestOutcome } from '../core/run-report.ts';
import { sleep } from '../core/retry-delay.ts';
import type { SecretScrubber } from '../core/secret-values.ts';
import { buildRunReport } from '../emit/report/build-run-report.ts';
import { renderReportMarkdown } from '../emit/report/render-report.ts';
import { failingExchange } from '../core/failing-exchange.ts';
import type { FailedTest } from '../validation/execution/classify-failure.ts';
import { curlCommand } from '../validation/execution/curl-command.ts';
import { failedSetUp } from '../validation/execution/failed-set-up.ts';
import { groupFindings } from '../validation/execution/group-findings.ts';
import { coercionEvidence, toleratedCoercion } from '../validation/execution/coercion-evidence.ts';
import { unpromisedRefusal } from '../validation/execution/unpromised-refusal.ts';
import { documentedRefusal } from '../validation/execution/documented-refusal.ts';
import { unsettledDriftCheck } from '../validation/execution/contract-drift.ts';
import { markReason, markUndeliveredTests } from '../validation/execution/quarantine.ts';
import {
  groupNotReached,
  judgeNotReached,
  notReachedReason,
  type NotReachedTest,
  type ReachContext,
} from '../validation/execution/not-reached.ts';
import {
  PACED_WAIT_MAX_MS,
  pacedPauseMs,
  rateLimitedTests,
  withPacedOutcomes,
} from '../validation/execution/rate-limit.ts';
import { unmarkTests } from '../validation/execution/unmark-tests.ts';
import { unstableExpectation } from '../validation/execution/unstable-expectation.ts';
import { runPytestSuite } from '../validation/execution/run-pytest-suite.ts';
import { runPlaywrightSuite } from '../validation/execution/run-playwright-suite.ts';
import { findBrowser } from '../sources/web/find-browser.ts';
import { runScrubber, secretVariableEnvironment } from './secret-environment.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';
import { guardRun } from './guard-run.ts';
import { holdArtifacts, releaseArtifacts } from './held-artifacts.ts';
import { readManifest, type Manifest } from './suite-manifest.ts';

export interface RunSuiteOptions {
  suiteDir: string;
  baseUrl?: string;
  repeat?: number;
  headers?: string[];
  variables?: Record<string, string>;
  /** Variables whose values are secret (`--secret-var`): masked in everything the run writes. */
  secretVariables?: Record<string, string>;
  allowWrites?: boolean;
  /** `lenient` reports contract deviations as warnings that do not fail the run (default strict). */
  conformance?: Conformance;
  events?: EventSink;
  durations?: Record<string, number>;
  /** Stops a run in progress (the runner's processes end); runSuite then throws the signal's reason. */
  signal?: AbortSignal;
  /**
   * The SSRF guard for a base URL given by someone else (the service): checked again right before
   * the run, and enforced at connect time in the runner's processes. The CLI trusts its user.
   */
  guard?: UrlGuardOptions;
  /**
   * Between the verification run and the verdicts: may run other tests the same way (`rerun`:
   * same repeat, environment and guard) and returns the outcomes to judge. Repairs of failed
   * tests happen here, so no model call is made while tests run.
   */
  afterRun?: (run: AfterRun) => Promise<TestOutcome[]>;
  /**
   * Titles of tests built from the model's guessed rules: one that fails is marked in the suite
   * as an unconfirmed scenario, not as a suspected defect (see unconfirmed-scenarios.ts).
   */
  guessed?: ReadonlySet<string>;
  /**
   * The UI suite's expected values were observed on this very build (`generate ui --run` right
   * after exploring): an observed value it no longer shows is an unstable expectation, reported
   * with both values, not delivered and no finding. A suite run against another build (a new
   * release, a seeded fault) keeps every failure a finding.
   */
  exploredBuild?: boolean;
  /**
   * The API suite was just designed and is verified before delivery (`generate api --run`): a
   * documented-valid request refused for the suite's own input is not reached (see
   * not-reached.ts), not a finding. A delivered suite run again (`testops run`) passed before,
   * so any refusal there is a regression and stays a finding.
   */
  verifyingDesign?: boolean;
}

export interface AfterRun {
  outcomes: TestOutcome[];
  repeat: number;
  /** Runs the suite in this folder (its tests every `repeat` times) and returns its outcomes. */
  rerun: (suiteDir: string) => Promise<TestOutcome[]>;
}

import { DEFAULT_REPEAT } from './option-values.ts';

/** A paced test's time: its three retries may each wait a whole window, on top of its usual 30 s. */
const PACED_TEST_TIMEOUT_MS = 30_000 + 3 * PACED_WAIT_MAX_MS;

export { DEFAULT_REPEAT };

/** Runs an emitted suite `repeat` times, writes evidence, marks what was not delivered, writes the report. */
export async function runSuite(options: RunSuiteOptions): Promise<RunReport> {
  const events = options.events ?? ignoreEvents;
  const suiteDir = resolve(options.suiteDir);
  const manifest = await readManifest(suiteDir);
  const repeat = options.repeat ?? DEFAULT_REPEAT;
  if (!Number.isInteger(repeat) || repeat < 1) {
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `--repeat must be a positive integer, got ${repeat}`, {
      hint: 'use e.g. --repeat 3.',
    });
  }
  const baseUrl = options.baseUrl ?? manifest.baseUrl;
  if (!baseUrl) {
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', 'no base URL to run the suite against', {
      expected: '--base-url <url> (or one given when the suite was generated)',
      hint: 'pass --base-url http://host:port of the API under test.',
    });
  }
  const env =
    manifest.kind === 'ui'
      ? await appEnvironment(baseUrl)
      : suiteEnvironment(manifest, { ...options, baseUrl });
  if (manifest.kind === 'api' && manifest.auth !== 'none' && !hasCredentials(env)) {
    events({
      type: 'log',
      level: 'warn',
      message:
        'no credentials given: valid requests go unauthenticated. Pass --header "Authorization: …" or set API_TOKEN / API_KEY.',
    });
  }
  const guarded = options.guard
    ? await guardRun(baseUrl, options.guard, { browser: manifest.kind === 'ui', events })
    : undefined;
  const durations = { ...(options.durations ?? {}) };
  // Every run verifies every test again, those an earlier run took out included.
  await unmarkTests(suiteDir);
  const runner = manifest.format === 'pytest' ? runPytestSuite : runPlaywrightSuite;
  // Every header value and secret variable is masked before anything below is written or returned.
  const scrubber = runScrubber(env);
  const run = (dir: string, extra: { only?: TestOutcome[]; env?: Record<string, string> } = {}) =>
    runner({
      suiteDir: dir,
      repeat,
      env: {
        ...env,
        ...(guarded?.proxy ? { TESTOPS_BROWSER_PROXY: guarded.proxy.server } : {}),
        ...extra.env,
      },
      ...(extra.only ? { only: extra.only } : {}),
      events,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(guarded ? { connectGuard: guarded.policy } : {}),
    })
      .then((found) => scrubber.scrubDeep(found))
      .catch((error: unknown) => {
        throw scrubber.scrubError(error);
      });
  let paced: PacedRun | undefined;
  // Tests that met the target's rate limit ran too fast, not wrong: run alone again once its window
  // passed, their client honouring a whole window's Retry-After. Passing every time, they are delivered.
  const pacedRerun = async (result: TestOutcome[]): Promise<TestOutcome[]> => {
    const limited = rateLimitedTests(result);
    if (limited.length === 0) return result;
    // The paced run clears the runner's output folders: the full run's failures keep their evidence.
    const held = await holdArtifacts(suiteDir, result);
    const pauseMs = pacedPauseMs(limited);
    events({
      type: 'log',
      level: 'info',
      message: `${limited.length} test(s) met the target's rate limit (429 after the retries): running them again alone after ${Math.round(pauseMs / 1000)} s, at the pace it allows`,
    });
    const again = await timedStage(events, `paced run ×${repeat}`, async () => {
      await sleep(pauseMs, options.signal);
      return run(suiteDir, {
        only: limited,
        env: {
          TESTOPS_RATE_LIMIT_WAIT_S: String(PACED_WAIT_MAX_MS / 1000),
          TESTOPS_TEST_TIMEOUT_MS: String(PACED_TEST_TIMEOUT_MS),
        },
      });
    });
    durations['paced run'] = again.durationMs;
    const merged = withPacedOutcomes(held, again.result, repeat);
    paced = { tests: limited.map((outcome) => outcome.title), pauseMs, delivered: merged.delivered };
    return merged.outcomes;
  };
  let outcomes: TestOutcome[];
  try {
    const { result, durationMs } = await timedStage(events, `run ×${repeat}`, () => run(suiteDir));
    durations['run'] = durationMs;
    const verified = manifest.kind === 'api' ? await pacedRerun(result) : result;
    outcomes = options.afterRun
      ? await options.afterRun({ outcomes: verified, repeat, rerun: (dir) => run(dir) })
      : verified;
  } finally {
    await guarded?.proxy?.close();
  }
  const conformance = options.conformance ?? 'strict';
  const written = await writeEvidence(suiteDir, outcomes, scrubber, manifest);
  await releaseArtifacts(suiteDir);
  // Lenient conformance accepts type coercion, a drift check cannot fail on a correct API, a
  // success for a missing identifier breaks no contract when no 404 is documented, and an
  // observed value the explored build no longer shows is unstable: such a test is not delivered,
  // and no finding.
  const tolerated = new Map(
    written.flatMap((failed) => {
      const reason =
        unsettledDriftCheck(failed) ??
        toleratedCoercion(failed, conformance) ??
        unpromisedRefusal(failed) ??
        documentedRefusal(failed, manifest.documentedStatuses?.[failed.operation]) ??
        (options.exploredBuild && manifest.kind === 'ui' ? unstableExpectation(failed) : undefined);
      return reason ? [[failed.test, `${reason} (evidence: ${failed.evidence})`] as const] : [];
    }),
  );
  for (const failed of written.filter((candidate) => unsettledDriftCheck(candidate)))
    events({
      type: 'log',
      level: 'warn',
      message: `${failed.test}: ${unsettledDriftCheck(failed)!} (evidence: ${failed.evidence})`,
    });
  // A documented-valid request refused for the suite's own input never reached what it checks:
  // listed apart with what would unlock it, neither delivered nor a finding (API suites, while
  // verifying a fresh design only).
  const notReached =
    manifest.kind === 'api' && options.verifyingDesign
      ? judgeNotReached(
          written.filter((failed) => !tolerated.has(failed.test)),
          reachContext(manifest, outcomes),
        )
      : new Map<string, NotReachedTest>();
  const failures = written.filter((failed) => !tolerated.has(failed.test) && !notReached.has(failed.test));
  const defects = failures.map(suspectedDefect);
  const findings = groupFindings(failures, conformance);
  const judged = outcomes.map((outcome) => {
    const apart = notReached.get(outcome.title);
    if (apart)
      return {
        ...outcome,
        verdict: 'skipped' as const,
        skipReason: `not reached: ${apart.refused} answered ${apart.status}: ${apart.message} (evidence: ${apart.evidence})`,
      };
    return tolerated.has(outcome.title)
      ? { ...outcome, verdict: 'skipped' as const, skipReason: tolerated.get(outcome.title)! }
      : outcome;
  });
  const marks = new Map([
    ...[...tolerated].map(([test, reason]) => [test, `Not delivered by TestOps Copilot: ${reason}`] as const),
    ...[...notReached].map(([test, entry]) => [test, notReachedReason(entry)] as const),
  ]);
  const marking = await markUndelivered(
    suiteDir,
    manifest.format,
    outcomes,
    defects,
    marks,
    options.guessed ?? new Set(),
  );
  for (const { test, reason } of marking.unmarked)
    events({ type: 'log', level: 'warn', message: `could not mark "${test}" as not delivered: ${reason}` });
  const report = scrubber.scrubDeep(
    buildRunReport({
      manifest,
      baseUrl,
      repeat,
      outcomes: judged,
      defects,
      findings,
      conformance,
      durations,
      marking,
      notReached: groupNotReached(notReached.values()),
      ...(paced ? { paced } : {}),
    }),
  );
  await writeReport(suiteDir, report);
  return report;
}

/** Which operations' success tests passed every run, and what the manifest documents: see judgeNotReached. */
function reachContext(manifest: Manifest, outcomes: TestOutcome[]): ReachContext {
  const tests = new Map(manifest.tests.map((test) => [test.title, test]));
  const succeeded = new Set(
    outcomes
      .filter((outcome) => outcome.verdict === 'delivered' && tests.get(outcome.title)?.kind === 'positive')
      .map((outcome) => tests.get(outcome.title)!.operation),
  );
  return {
    operations: manifest.operations,
    ...(manifest.documentedStatuses ? { documentedStatuses: manifest.documentedStatuses } : {}),
    succeeded,
  };
}

/** Failed and flaky tests are marked in the suite so it runs green as delivered (`apart`: their own mark line). */
async function markUndelivered(
  suiteDir: string,
  format: Manifest['format'],
  outcomes: TestOutcome[],
  defects: SuspectedDefect[],
  apart: Map<string, string>,
  guessed: ReadonlySet<string>,
): Promise<{ marked: number; unmarked: { test: string; reason: string }[] }> {
  const evidence = new Map(defects.map((defect) => [defect.test, defect.evidence]));
  const marks = outcomes
    .filter((outcome) => outcome.verdict === 'flaky' || outcome.verdict === 'defect')
    .map((outcome) => ({
      outcome,
      reason: apart.has(outcome.title)
        ? apart.get(outcome.title)!.slice(0, 300)
        : markReason(outcome, evidence.get(outcome.title), guessed.has(outcome.title)),
    }));
  const result = await markUndeliveredTests(suiteDir, format, marks);
  return { marked: result.marked.length, unmarked: result.unmarked };
}

/** UI suites need the app's URL and a browser: Playwright's own, else the system Chromium. */
async function appEnvironment(baseUrl: string): Promise<Record<string, string>> {
  const browser = await findBrowser();
  return {
    APP_BASE_URL: baseUrl,
    ...(browser.executablePath ? { CHROMIUM_PATH: browser.executablePath } : {}),
  };
}

function suiteEnvironment(
  manifest: Manifest,
  options: RunSuiteOptions & { baseUrl: string },
): Record<string, string> {
  const env: Record<string, string> = { API_BASE_URL: options.baseUrl };
  if (options.headers?.length) env['API_HEADERS'] = options.headers.join('\n');
  if (options.allowWrites) env['ALLOW_WRITES'] = '1';
  const envNameOf = (name: string) =>
    manifest.variables.find((variable) => variable.name === name)?.env ?? name.toUpperCase();
  for (const [name, value] of Object.entries(options.variables ?? {})) env[envNameOf(name)] = value;
  return { ...env, ...secretVariableEnvironment(options.secretVariables ?? {}, envNameOf) };
}

/** Credentials are never stored with the suite: they come from flags or the environment each run. */
function hasCredentials(env: Record<string, string>): boolean {
  const all = { ...process.env, ...env };
  return Boolean(all['API_TOKEN'] || all['API_KEY'] || all['API_USERNAME'] || all['API_HEADERS']);
}

async function writeEvidence(
  suiteDir: string,
  outcomes: TestOutcome[],
  scrubber: SecretScrubber,
  manifest: Manifest,
): Promise<FailedTest[]> {
  const kindByTitle = new Map(manifest.tests.map((test) => [test.title, test.kind]));
  const coercible = new Map(
    manifest.tests.filter((test) => test.coercible).map((test) => [test.title, test.coercedField]),
  );
  const missing = new Map(
    manifest.tests.flatMap((test) =>
      test.missingResource
        ? [[test.title, test.missingResource === 'unpromised' ? 'unpromised' : 'promised'] as const]
        : [],
    ),
  );
  const undocumentedRefusal = new Set(
    manifest.tests.filter((test) => test.refusalUndocumented).map((test) => test.title),
  );
  const failures: FailedTest[] = [];
  const folder = join(suiteDir, 'evidence');
  await mkdir(folder, { recursive: true });
  for (const outcome of outcomes.filter((candidate) => candidate.verdict === 'defect' && candidate.failure)) {
    const failure = outcome.failure!;
    const exchange = failingExchange(failure);
    const at = exchange ? failure.exchanges.indexOf(exchange) : -1;
    const curl = exchange ? scrubber.scrub(curlCommand(exchange, manifest.authScheme)) : undefined;
    const setUp = failedSetUp(exchange, outcome.operation, manifest.operations);
    const file = `evidence/${slug(outcome.title)}.json`;
    const artifacts = await keepArtifacts(suiteDir, slug(outcome.title), failure.artifacts, scrubber);
    await writeFile(
      join(suiteDir, file),
      JSON.stringify(
        {
          test: outcome.title,
          operation: outcome.operation,
          location: outcome.file,
          expected: failure.expected,
          actual: failure.actual,
          message: failure.message,
          curl,
          artifacts,
          exchanges: failure.exchanges,
        },
        null,
        2,
      ),
    );
    failures.push({
      test: outcome.title,
      operation: outcome.operation ?? '',
      testKind: kindByTitle.get(outcome.title),
      ...(coercible.has(outcome.title) ? { coercible: true } : {}),
      ...(coercible.get(outcome.title) !== undefined && exchange?.response && exchange.response.status < 300
        ? { coercion: coercionEvidence(exchange, coercible.get(outcome.title)!) }
        : {}),
      ...(missing.has(outcome.title) ? { missingResource: missing.get(outcome.title)! } : {}),
      ...(undocumentedRefusal.has(outcome.title) ? { refusalUndocumented: true } : {}),
      message: failure.message,
      expected: failure.expected,
      actual: failure.actual,
      status: exchange?.response?.status,
      ...(exchange ? { exchange, earlier: failure.exchanges.slice(0, Math.max(at, 0)) } : {}),
      ...(setUp ? { setUp } : {}),
      evidence: file,
      curl,
    });
  }
  return failures;
}

function suspectedDefect(failed: FailedTest): SuspectedDefect {
  const { test, operation, expected, actual, evidence, curl } = failed;
  return { test, operation, expected, actual, evidence, curl };
}

/** Artifacts kept as text, so secret values are masked in the copy (screenshots and traces are copied as they are). */
const TEXT_ARTIFACTS = new Set(['.json', '.txt', '.xml', '.md', '.log', '.html']);

/**
 * Screenshots and traces live in test-results/, which the next run wipes: evidence keeps copies
 * (paths relative to the suite).
 */
async function keepArtifacts(
  suiteDir: string,
  name: string,
  paths: string[],
  scrubber: SecretScrubber,
): Promise<string[]> {
  const kept: string[] = [];
  for (const [index, path] of paths.entries()) {
    const source = isAbsolute(path) ? path : join(suiteDir, path);
    const target = `evidence/${name}/${index}-${basename(source)}`;
    await mkdir(join(suiteDir, dirname(target)), { recursive: true });
    const copied = TEXT_ARTIFACTS.has(extname(source).toLowerCase())
      ? readFile(source, 'utf8').then((text) => writeFile(join(suiteDir, target), scrubber.scrub(text)))
      : copyFile(source, join(suiteDir, target));
    if (
      await copied.then(
        () => true,
        () => false,
      )
    )
      kept.push(target);
  }
  return kept;
}

export async function writeReport(suiteDir: string, report: RunReport): Promise<void> {
  await writeFile(join(suiteDir, 'testops-report.json'), JSON.stringify(report, null, 2) + '\n');
  await writeFile(join(suiteDir, 'REPORT.md'), renderReportMarkdown(report));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}
