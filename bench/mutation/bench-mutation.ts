// Mutation score of a delivered suite on a real application: Stryker's instrumenter mutates one
// module of the installed application, a fixed-seed sample of its mutants is switched on one at
// a time, the application is started fresh for each, and the suite kept by `bench:real --keep`
// runs against it once. A mutant is killed when any delivered test fails. Asserts nothing.
// Usage: npm run bench:mutation -- --target <name> --suite <delivered suite dir>
//          [--module <path under node_modules>] [--sample <n>] [--seed <n>]
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findBrowser } from '../../src/sources/web/find-browser.ts';
import { formatTable, seconds } from '../api/text-table.ts';
import type { BenchTarget, RunningTarget } from '../real/bench-target.ts';
import { ensureTargetsInstalled } from '../real/install-targets.ts';
import { benchTargets } from '../real/targets/all-targets.ts';
import {
  COVERAGE_FILE_VARIABLE,
  instrumentModule,
  withActiveMutant,
  withCoverageRecord,
  type Mutant,
} from './instrument-module.ts';
import { mutationTargets } from './mutation-targets.ts';
import { runDeliveredSuite, type SuiteRun } from './run-delivered-suite.ts';
import { sampleMutants } from './sample-mutants.ts';

const here = resolve(import.meta.dirname);
const realDir = resolve(here, '..', 'real');

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

interface Outcome {
  mutant: Mutant;
  verdict: 'killed' | 'survived';
  how: string;
  ms: number;
  /** Executed while the delivered suite ran on the unmutated application. */
  covered: boolean;
}

/** A work copy of the targets' install whose one module can be rewritten: hard links, so instant. */
async function workCopy(target: string, module: string): Promise<{ packageDir: string; file: string }> {
  const packageDir = join(here, '.work', `${target}-${process.pid}`);
  await rm(packageDir, { recursive: true, force: true });
  await mkdir(packageDir, { recursive: true });
  const copy = spawnSync('cp', ['-al', join(realDir, 'node_modules'), join(packageDir, 'node_modules')]);
  if (copy.status !== 0) fail(`could not link bench/real/node_modules: ${copy.stderr.toString()}`);
  const file = join(packageDir, 'node_modules', module);
  // Break the hard link first: writing through it would mutate bench/real's own install.
  const original = await readFile(file, 'utf8');
  await unlink(file);
  await writeFile(file, original);
  return { packageDir, file };
}

async function suiteEnv(running: RunningTarget, kind: 'api' | 'ui'): Promise<Record<string, string>> {
  if (kind === 'ui') {
    // As `testops run` does: Playwright's own browser, else the system Chromium.
    const browser = await findBrowser();
    const env: Record<string, string> = { APP_BASE_URL: running.ui!.url };
    if (browser.executablePath) env['CHROMIUM_PATH'] = browser.executablePath;
    return env;
  }
  return { API_BASE_URL: running.api!.baseUrl, API_HEADERS: running.api!.headers.join('\n') };
}

async function runOnce(options: {
  target: BenchTarget;
  kind: 'api' | 'ui';
  packageDir: string;
  suiteDir: string;
  timeoutMs: number;
  run: number;
}): Promise<SuiteRun | { startFailed: string; ms: number }> {
  const started = Date.now();
  const workDir = join(options.packageDir, `run-${options.run}`);
  await mkdir(workDir, { recursive: true });
  let running: RunningTarget;
  try {
    running = await options.target.start({ workDir, packageDir: options.packageDir, timeoutMs: 120_000 });
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    return { startFailed: error instanceof Error ? error.message : String(error), ms: Date.now() - started };
  }
  try {
    return await runDeliveredSuite({
      suiteDir: options.suiteDir,
      env: await suiteEnv(running, options.kind),
      timeoutMs: options.timeoutMs,
      // The baseline runs every test (all must pass); a mutant is killed by its first failure.
      firstFailure: options.run > 0,
    });
  } finally {
    await running.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Mutants executed in any process or thread of the baseline run; undefined when none was recorded. */
async function readCoverage(dir: string): Promise<Set<string> | undefined> {
  const files = (await readdir(dir)).filter((name) => name.startsWith('baseline.'));
  if (files.length === 0) return undefined;
  const ids = new Set<string>();
  for (const name of files) {
    for (const id of JSON.parse(await readFile(join(dir, name), 'utf8')) as string[]) ids.add(id);
  }
  return ids;
}

function verdictOf(result: SuiteRun | { startFailed: string; ms: number }): Pick<Outcome, 'verdict' | 'how'> {
  if ('startFailed' in result) return { verdict: 'killed', how: 'the application did not start' };
  if (result.timedOut) return { verdict: 'killed', how: 'the suite timed out' };
  if (result.failed > 0)
    return {
      verdict: 'killed',
      how: `a test failed (the run stops at the first): ${result.firstFailure ?? 'not read'}`,
    };
  return { verdict: 'survived', how: `${result.passed} passed` };
}

async function main(): Promise<void> {
  const targetName = option('--target') ?? fail('--target <name> is required');
  const suiteDir = resolve(option('--suite') ?? fail('--suite <delivered suite folder> is required'));
  const known = mutationTargets.find((entry) => entry.target === targetName);
  const target =
    benchTargets.find((entry) => entry.name === targetName) ?? fail(`unknown target ${targetName}`);
  const module = option('--module') ?? known?.module ?? fail(`--module is required for ${targetName}`);
  const kind = known?.kind ?? (target.kinds[0] as 'api' | 'ui');
  const sampleSize = Number(option('--sample') ?? 40);
  const seed = Number(option('--seed') ?? 1);

  ensureTargetsInstalled(realDir);
  ensureTargetsInstalled(here);
  const { packageDir, file } = await workCopy(targetName, module);
  try {
    await mutate({ targetName, target, module, kind, suiteDir, sampleSize, seed, packageDir, file });
  } finally {
    // Hard links into bench/real's install: never leave them behind, whatever happened.
    await rm(packageDir, { recursive: true, force: true });
  }
}

async function mutate(options: {
  targetName: string;
  target: BenchTarget;
  module: string;
  kind: 'api' | 'ui';
  suiteDir: string;
  sampleSize: number;
  seed: number;
  packageDir: string;
  file: string;
}): Promise<void> {
  const { targetName, target, module, kind, suiteDir, sampleSize, seed, packageDir, file } = options;
  const original = await readFile(file, 'utf8');
  const instrumented = await instrumentModule(here, { name: file, content: original });
  const sample = sampleMutants(instrumented.mutants, sampleSize, seed);
  process.stderr.write(
    `${targetName}: ${module}: ${instrumented.mutants.length} mutants, sample of ${sample.length} (seed ${seed})\n`,
  );

  // The unmutated (instrumented) application must pass the whole delivered suite first; that run
  // also records which mutants the suite executes at all.
  const coverageDir = join(packageDir, 'coverage');
  await mkdir(coverageDir, { recursive: true });
  await writeFile(file, withCoverageRecord(instrumented.content));
  process.env[COVERAGE_FILE_VARIABLE] = join(coverageDir, 'baseline');
  const common = { target, kind, packageDir, suiteDir };
  const baseline = await runOnce({ ...common, timeoutMs: 30 * 60_000, run: 0 });
  delete process.env[COVERAGE_FILE_VARIABLE];
  // A UI target's module runs in the browser too (TiddlyWiki serves its modules to the page):
  // what the server process executed says nothing about what the suite reached there.
  const covered = kind === 'ui' ? undefined : await readCoverage(coverageDir);
  if ('startFailed' in baseline)
    throw new Error(`the instrumented application did not start: ${baseline.startFailed}`);
  if (baseline.failed > 0 || baseline.timedOut || baseline.passed === 0) {
    throw new Error(
      `the delivered suite does not pass on the unmutated application (${JSON.stringify(baseline)})`,
    );
  }
  process.stderr.write(
    `baseline: ${baseline.passed} passed, ${baseline.skipped} skipped in ${seconds(baseline.ms)}\n`,
  );
  const timeoutMs = Math.max(60_000, baseline.ms * 3);

  const outcomes: Outcome[] = [];
  for (const [index, mutant] of sample.entries()) {
    let outcome: Outcome;
    if (covered && !covered.has(mutant.id)) {
      // As Stryker does: code the suite never executes cannot fail a test (NoCoverage).
      outcome = { mutant, verdict: 'survived', how: 'not executed by the suite', ms: 0, covered: false };
    } else {
      await writeFile(file, withActiveMutant(instrumented.content, mutant.id));
      const result = await runOnce({ ...common, timeoutMs, run: index + 1 });
      outcome = { mutant, ...verdictOf(result), ms: result.ms, covered: true };
    }
    outcomes.push(outcome);
    process.stderr.write(
      `[${index + 1}/${sample.length}] #${mutant.id} line ${mutant.line} ${mutant.mutatorName}: ${outcome.verdict} (${outcome.how})\n`,
    );
  }
  printFigures({
    targetName,
    module,
    total: instrumented.mutants.length,
    coveredTotal: covered?.size,
    seed,
    baseline,
    outcomes,
  });
}

function printFigures(figures: {
  targetName: string;
  module: string;
  total: number;
  coveredTotal: number | undefined;
  seed: number;
  baseline: SuiteRun;
  outcomes: Outcome[];
}): void {
  const killed = figures.outcomes.filter((outcome) => outcome.verdict === 'killed').length;
  const sampled = figures.outcomes.length;
  const coveredSampled = figures.outcomes.filter((outcome) => outcome.covered).length;
  const percent = (part: number, whole: number) =>
    whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
  const time = figures.outcomes.reduce((total, outcome) => total + outcome.ms, figures.baseline.ms);
  console.log(
    formatTable([
      [
        'target',
        'module',
        'mutants (executed)',
        'sampled (seed)',
        'killed',
        'survived',
        'score',
        'score on executed code',
        'time',
      ],
      [
        figures.targetName,
        figures.module,
        `${figures.total} (${figures.coveredTotal ?? 'not recorded'})`,
        `${sampled} (${figures.seed})`,
        String(killed),
        String(sampled - killed),
        percent(killed, sampled),
        figures.coveredTotal === undefined ? '–' : percent(killed, coveredSampled),
        seconds(time),
      ],
    ]),
  );
  const survivors = figures.outcomes.filter((outcome) => outcome.verdict === 'survived');
  if (survivors.length === 0) return;
  console.log('\nSurvivors (what no delivered test checks)');
  for (const { mutant, how } of survivors) {
    console.log(
      `  #${mutant.id} line ${mutant.line} ${mutant.mutatorName} → ${mutant.replacement.split('\n')[0]!.slice(0, 100)} (${how})`,
    );
  }
}

await main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
