// Runs a delivered suite once, as a user would (`npx playwright test` in its folder), against a
// running target, and says whether every test passed. The suite's own pinned runner is used.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { flattenSpecs } from '../../src/core/playwright-json-report.ts';
import type { PlaywrightJsonReport } from '../../src/core/playwright-json-report.ts';
import { withoutAnsi } from '../../src/core/plain-text.ts';
import { waitBounded } from '../real/bounded-child.ts';

export interface SuiteRun {
  passed: number;
  failed: number;
  /** Skipped tests are the ones the suite was delivered with marked (a reported finding). */
  skipped: number;
  timedOut: boolean;
  ms: number;
  /**
   * The first failed test's title and error line: a kill by a test that has nothing to do with
   * the mutated code (one that fails on the unmutated app now and then) shows as such.
   */
  firstFailure?: string;
}

interface JsonReport extends PlaywrightJsonReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
}

export async function runDeliveredSuite(options: {
  suiteDir: string;
  env: Record<string, string>;
  timeoutMs: number;
  /** Stop at the first failing test: one failure already kills a mutant, the rest is waiting. */
  firstFailure?: boolean;
}): Promise<SuiteRun> {
  const started = Date.now();
  const cli = join(options.suiteDir, 'node_modules', '@playwright', 'test', 'cli.js');
  // One attempt per test: a mutant is killed when any test fails, and a retry would hide it.
  const args = [cli, 'test', '--reporter=json', '--retries=0'];
  if (options.firstFailure) args.push('--max-failures=1');
  const child = spawn(process.execPath, args, {
    cwd: options.suiteDir,
    env: { ...process.env, ...options.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  const { timedOut } = await waitBounded(child, options.timeoutMs);
  const report = parseReport(stdout);
  const stats = report?.stats;
  const failure = report ? firstFailed(report) : undefined;
  return {
    passed: stats?.expected ?? 0,
    failed: (stats?.unexpected ?? 0) + (stats?.flaky ?? 0),
    skipped: stats?.skipped ?? 0,
    timedOut,
    ms: Date.now() - started,
    ...(failure ? { firstFailure: failure } : {}),
  };
}

function parseReport(stdout: string): JsonReport | undefined {
  const start = stdout.indexOf('{');
  if (start < 0) return undefined;
  try {
    return JSON.parse(stdout.slice(start)) as JsonReport;
  } catch {
    return undefined;
  }
}

function firstFailed(report: PlaywrightJsonReport): string | undefined {
  for (const spec of flattenSpecs(report)) {
    const test = spec.tests.find((one) => one.status === 'unexpected' || one.status === 'flaky');
    if (!test) continue;
    const message = test.results.find((result) => result.error)?.error?.message ?? '';
    const line = withoutAnsi(message)
      .split('\n')
      .find((text) => text.trim() !== '');
    return `${spec.title.slice(0, 100)} → ${(line ?? '').trim().slice(0, 160)}`;
  }
  return undefined;
}
