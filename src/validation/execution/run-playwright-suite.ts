import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { TestopsError } from '../../core/errors.ts';
import { escapeRegExp } from '../../core/plain-text.ts';
import type { EventSink } from '../../core/events.ts';
import type { TestOutcome } from '../../core/run-report.ts';
import { classifyPlaywrightReport } from './classify-outcomes.ts';
import { nodeGuardEnv, type ConnectGuardPolicy } from './connect-guard.ts';
import type { PlaywrightJsonReport } from '../../core/playwright-json-report.ts';
import { runProcess } from './run-process.ts';
import { ensureSuiteDependencies } from './suite-dependencies.ts';

export interface RunSuiteOptions {
  suiteDir: string;
  repeat: number;
  /** Environment for the suite: base URL, credentials, variables. */
  env: Record<string, string>;
  events: EventSink;
  /** Stops the run (a cancelled job, a worker shutting down): the runner then throws the reason. */
  signal?: AbortSignal;
  /** The SSRF guard at connect time, for targets given by someone else (the service). */
  connectGuard?: ConnectGuardPolicy;
  /** Runs only these tests (by their outcome of an earlier run of the same suite). */
  only?: readonly TestOutcome[];
}

/** Runs the emitted Playwright project with its own pinned runner, every test `repeat` times. */
export async function runPlaywrightSuite(options: RunSuiteOptions): Promise<TestOutcome[]> {
  const suiteDir = resolve(options.suiteDir);
  await ensureSuiteDependencies(suiteDir, options.events);
  const reportFile = join(suiteDir, 'results', 'testops-run.json');
  await mkdir(join(suiteDir, 'results'), { recursive: true });
  await rm(reportFile, { force: true });
  options.events({ type: 'run-start', attempt: 1, of: options.repeat, tests: 0 });
  const cli = join(suiteDir, 'node_modules', '@playwright', 'test', 'cli.js');
  const only = options.only ? ['--grep', titlesPattern(options.only.map((outcome) => outcome.title))] : [];
  const result = await runProcess(
    process.execPath,
    [cli, 'test', `--repeat-each=${options.repeat}`, ...only],
    {
      cwd: suiteDir,
      env: {
        ...process.env,
        ...options.env,
        ...(options.connectGuard ? nodeGuardEnv(options.connectGuard, process.env) : {}),
        TESTOPS_REPORT_FILE: reportFile,
        FORCE_COLOR: '0',
      },
      timeoutMs: 60 * 60_000,
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  options.signal?.throwIfAborted();
  const report = await readFile(reportFile, 'utf8')
    .then((text) => JSON.parse(text) as PlaywrightJsonReport)
    .catch(() => undefined);
  if (!report) {
    throw new TestopsError(
      'TESTOPS_RUNNER_FAILED',
      `the suite did not run (exit ${result.code}): ${(result.stderr || result.stdout).trim().split('\n').slice(-5).join(' | ')}`,
      {
        where: suiteDir,
        expected: 'Playwright to run the suite and write its JSON report',
        hint: 'run `npx playwright test` in the suite folder to see the full error.',
      },
    );
  }
  const outcomes = classifyPlaywrightReport(report);
  const loadErrors = (report.errors ?? []).map((error) => error.message ?? '').filter(Boolean);
  if (outcomes.length === 0 && loadErrors.length > 0) {
    throw new TestopsError(
      'TESTOPS_RUNNER_FAILED',
      `the suite could not be loaded: ${loadErrors[0]!.split('\n')[0]}`,
      {
        where: suiteDir,
        expected: 'spec files that compile and load',
        hint: 'run `npm run typecheck` in the suite folder.',
      },
    );
  }
  const failed = outcomes.filter(
    (outcome) => outcome.verdict !== 'delivered' && outcome.verdict !== 'skipped',
  ).length;
  options.events({
    type: 'run-end',
    attempt: options.repeat,
    passed: outcomes.length - failed,
    failed,
    skipped: outcomes.filter((o) => o.verdict === 'skipped').length,
  });
  return outcomes;
}

/**
 * Playwright matches `--grep` against a test's title path joined by spaces, its tags after it
 * (`… POST /notes succeeds with 201 @positive @critical`): each title, whole, before the tags.
 */
function titlesPattern(titles: readonly string[]): string {
  const escaped = titles.map((title) => escapeRegExp(title));
  return `(?:^| )(?:${escaped.join('|')})(?: @\\S+)*$`;
}
