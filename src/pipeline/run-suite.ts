import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { TestopsError } from '../core/errors.ts';
import { ignoreEvents, timedStage, type EventSink } from '../core/events.ts';
import type { RunReport, SuspectedDefect, TestOutcome } from '../core/run-report.ts';
import { buildRunReport } from '../emit/report/build-run-report.ts';
import { renderReportMarkdown } from '../emit/report/render-report.ts';
import { failingExchange } from '../validation/execution/classify-outcomes.ts';
import { curlCommand } from '../validation/execution/curl-command.ts';
import { quarantineFlakyPytests, quarantineFlakyTests } from '../validation/execution/quarantine.ts';
import { runPytestSuite } from '../validation/execution/run-pytest-suite.ts';
import { runPlaywrightSuite } from '../validation/execution/run-playwright-suite.ts';
import { findBrowser } from '../sources/web/find-browser.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';
import { guardRun } from './guard-run.ts';
import { readManifest, type Manifest } from './suite-manifest.ts';

export interface RunSuiteOptions {
  suiteDir: string;
  baseUrl?: string;
  repeat?: number;
  headers?: string[];
  variables?: Record<string, string>;
  allowWrites?: boolean;
  events?: EventSink;
  durations?: Record<string, number>;
  /** Stops a run in progress (the runner's processes end); runSuite then throws the signal's reason. */
  signal?: AbortSignal;
  /**
   * The SSRF guard for a base URL given by someone else (the service): checked again right before
   * the run, and enforced at connect time in the runner's processes. The CLI trusts its user.
   */
  guard?: UrlGuardOptions;
}

import { DEFAULT_REPEAT } from './option-values.ts';

export { DEFAULT_REPEAT };

/** Runs an emitted suite `repeat` times, writes evidence, quarantines flaky tests, writes the report. */
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
        'no credentials given: valid requests go unauthenticated. Pass --header "Authorization: Bearer …" or set API_TOKEN / API_KEY.',
    });
  }
  const guarded = options.guard
    ? await guardRun(baseUrl, options.guard, { browser: manifest.kind === 'ui', events })
    : undefined;
  const durations = { ...(options.durations ?? {}) };
  const runner = manifest.format === 'pytest' ? runPytestSuite : runPlaywrightSuite;
  const { result: outcomes, durationMs } = await timedStage(events, `run ×${repeat}`, () =>
    runner({
      suiteDir,
      repeat,
      env: { ...env, ...(guarded?.proxy ? { TESTOPS_BROWSER_PROXY: guarded.proxy.server } : {}) },
      events,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(guarded ? { connectGuard: guarded.policy } : {}),
    }),
  ).finally(() => guarded?.proxy?.close());
  durations['run'] = durationMs;
  const defects = await writeEvidence(suiteDir, outcomes);
  await (manifest.format === 'pytest' ? quarantineFlakyPytests : quarantineFlakyTests)(suiteDir, outcomes);
  const report = buildRunReport({ manifest, baseUrl, repeat, outcomes, defects, durations });
  await writeReport(suiteDir, report);
  return report;
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
  for (const [name, value] of Object.entries(options.variables ?? {})) {
    const known = manifest.variables.find((variable) => variable.name === name);
    env[known?.env ?? name.toUpperCase()] = value;
  }
  return env;
}

/** Credentials are never stored with the suite: they come from flags or the environment each run. */
function hasCredentials(env: Record<string, string>): boolean {
  const all = { ...process.env, ...env };
  return Boolean(all['API_TOKEN'] || all['API_KEY'] || all['API_USERNAME'] || all['API_HEADERS']);
}

async function writeEvidence(suiteDir: string, outcomes: TestOutcome[]): Promise<SuspectedDefect[]> {
  const defects: SuspectedDefect[] = [];
  const folder = join(suiteDir, 'evidence');
  await mkdir(folder, { recursive: true });
  for (const outcome of outcomes.filter((candidate) => candidate.verdict === 'defect' && candidate.failure)) {
    const failure = outcome.failure!;
    const exchange = failingExchange(failure);
    const curl = exchange ? curlCommand(exchange) : undefined;
    const file = `evidence/${slug(outcome.title)}.json`;
    const artifacts = await keepArtifacts(suiteDir, slug(outcome.title), failure.artifacts);
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
    defects.push({
      test: outcome.title,
      operation: outcome.operation ?? '',
      expected: failure.expected,
      actual: failure.actual,
      evidence: file,
      curl,
    });
  }
  return defects;
}

/**
 * Screenshots and traces live in test-results/, which the next run wipes: evidence keeps copies
 * (paths relative to the suite).
 */
async function keepArtifacts(suiteDir: string, name: string, paths: string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const [index, path] of paths.entries()) {
    const source = isAbsolute(path) ? path : join(suiteDir, path);
    const target = `evidence/${name}/${index}-${basename(source)}`;
    await mkdir(join(suiteDir, dirname(target)), { recursive: true });
    if (
      await copyFile(source, join(suiteDir, target)).then(
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
