// One target's turn: start it, run `generate api` and/or `generate ui` on it, stop it. Every
// step is bounded in time; a failure becomes that kind's error line and the next target runs.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Conformance } from '../../src/core/run-report.ts';
import type { BenchTarget, RunningTarget } from './bench-target.ts';
import type { KindResult } from './print-figures.ts';
import { runCli } from './run-cli.ts';

const START_TIMEOUT_MS = 4 * 60_000;
// A large API document (Unleash: ~200 operations, ~1,200 tests run 3×) takes tens of minutes on a
// shared 2-core machine.
const CLI_TIMEOUT_MS = Number(process.env['BENCH_REAL_CLI_TIMEOUT_MIN'] ?? 40) * 60_000;

async function runApi(
  target: BenchTarget,
  running: RunningTarget,
  options: { workDir: string; conformance: Conformance },
): Promise<KindResult> {
  const { workDir } = options;
  const api = running.api!;
  const args = ['generate', 'api', '--spec', api.spec, '--base-url', api.baseUrl];
  args.push('--conformance', options.conformance);
  for (const header of api.headers) args.push('--header', header);
  args.push('--out', join(workDir, 'api-suite'), '--run', '--json');
  const result = await runCli({ args, logFile: join(workDir, 'api-cli.log'), timeoutMs: CLI_TIMEOUT_MS });
  return { target: target.name, kind: 'api', ...result };
}

async function runUi(
  target: BenchTarget,
  running: RunningTarget,
  options: { workDir: string; maxPages: number },
): Promise<KindResult> {
  const ui = running.ui!;
  const args = [
    'generate',
    'ui',
    '--url',
    ui.url,
    '--allow-private',
    '--max-pages',
    String(options.maxPages),
  ];
  if (ui.timeBudgetS) args.push('--time-budget', String(ui.timeBudgetS));
  if (ui.loginSteps) {
    const stepsFile = join(options.workDir, 'login-steps.json');
    await writeFile(stepsFile, JSON.stringify(ui.loginSteps, null, 2));
    args.push('--login-steps', stepsFile);
  }
  args.push('--out', join(options.workDir, 'ui-suite'), '--run', '--json');
  const result = await runCli({
    args,
    env: ui.env,
    logFile: join(options.workDir, 'ui-cli.log'),
    timeoutMs: CLI_TIMEOUT_MS,
  });
  return { target: target.name, kind: 'ui', ...result };
}

function failed(target: BenchTarget, error: unknown, kinds: ('api' | 'ui')[]): KindResult[] {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${target.name}: ${message}\n`);
  return target.kinds
    .filter((kind) => kinds.includes(kind))
    .map((kind) => ({
      target: target.name,
      kind,
      report: undefined,
      ms: 0,
      error: message,
    }));
}

export async function runTarget(options: {
  target: BenchTarget;
  workDir: string;
  packageDir: string;
  maxPages: number;
  conformance: Conformance;
  kinds: ('api' | 'ui')[];
}): Promise<KindResult[]> {
  const { target, workDir } = options;
  let running: RunningTarget | undefined;
  try {
    // Each start bounds its own wait and stops what it started when it fails.
    running = await target.start({ workDir, packageDir: options.packageDir, timeoutMs: START_TIMEOUT_MS });
    const results: KindResult[] = [];
    if (running.api && options.kinds.includes('api'))
      results.push(await runApi(target, running, { workDir, conformance: options.conformance }));
    if (running.ui && options.kinds.includes('ui'))
      results.push(await runUi(target, running, { workDir, maxPages: options.maxPages }));
    for (const result of results)
      process.stderr.write(`${target.name} ${result.kind}: ${result.error ?? 'done'} (${result.ms} ms)\n`);
    return results;
  } catch (error) {
    return failed(target, error, options.kinds);
  } finally {
    await running
      ?.stop()
      .catch((error: unknown) => process.stderr.write(`stopping ${target.name}: ${String(error)}\n`));
  }
}
