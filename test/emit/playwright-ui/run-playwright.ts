// Runs an emitted suite with its own pinned runner and reads the JSON report its config writes
// when TESTOPS_REPORT_FILE is set.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SuiteRun {
  code: number | null;
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  failed: string[];
  /** Error messages of the failed tests, colourless. */
  errors: string[];
  output: string;
}

interface ReportSuite {
  suites?: ReportSuite[];
  specs?: { title: string; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
}

export async function runPlaywright(
  suiteDir: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<SuiteRun> {
  const reportFile = join(suiteDir, 'results', `run-${Date.now()}.json`);
  const cli = join(suiteDir, 'node_modules', '@playwright', 'test', 'cli.js');
  const { code, output } = await run(process.execPath, [cli, 'test', ...args], suiteDir, {
    ...process.env,
    ...env,
    TESTOPS_REPORT_FILE: reportFile,
    FORCE_COLOR: '0',
  });
  const report = JSON.parse(await readFile(reportFile, 'utf8').catch(() => '{}')) as {
    stats?: SuiteRun['stats'];
    suites?: ReportSuite[];
  };
  if (!report.stats) throw new Error(`the suite did not run (exit ${code}):\n${output.slice(-3000)}`);
  const failed = failedSpecs(report.suites ?? []);
  return {
    code,
    stats: report.stats,
    failed: failed.map((spec) => spec.title),
    errors: failed.flatMap((spec) =>
      spec.tests.flatMap((test) => test.results.map((result) => plain(result.error?.message ?? ''))),
    ),
    output,
  };
}

export async function typeCheck(suiteDir: string): Promise<{ code: number | null; output: string }> {
  const tsc = join(suiteDir, 'node_modules', 'typescript', 'bin', 'tsc');
  return run(process.execPath, [tsc, '--noEmit', '-p', '.'], suiteDir, process.env);
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function plain(text: string): string {
  return text.replace(ANSI, '');
}

type Spec = NonNullable<ReportSuite['specs']>[number];

function failedSpecs(suites: ReportSuite[]): Spec[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).filter((spec) => spec.tests.some((test) => test.status !== 'expected')),
    ...failedSpecs(suite.suites ?? []),
  ]);
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
