import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { TestopsError } from '../../core/errors.ts';
import type { TestOutcome } from '../../core/run-report.ts';
import { PYTEST_GUARD_PLUGIN, pythonGuardEnv } from './connect-guard.ts';
import { classifyJunitRuns, readJunitCases } from './junit-outcomes.ts';
import { findPython } from './python-interpreter.ts';
import { runProcess } from './run-process.ts';
import type { RunSuiteOptions } from './run-playwright-suite.ts';

/** Runs an emitted pytest project `repeat` times (pytest has no repeat flag of its own). */
export async function runPytestSuite(options: RunSuiteOptions): Promise<TestOutcome[]> {
  const suiteDir = resolve(options.suiteDir);
  const python = await findPython(suiteDir);
  await rm(join(suiteDir, 'results'), { recursive: true, force: true });
  await mkdir(join(suiteDir, 'results'), { recursive: true });
  const only = options.only ? nodeIds(suiteDir, options.only) : [];
  // None of them found in the suite: nothing to run (an empty selection would run every test).
  if (options.only && only.length === 0) return [];
  const runs = [];
  const guard = options.connectGuard;
  const guardEnv = guard ? pythonGuardEnv(guard, process.env) : {};
  for (let attempt = 1; attempt <= options.repeat; attempt++) {
    options.events({ type: 'run-start', attempt, of: options.repeat, tests: 0 });
    const junit = join(suiteDir, 'results', `junit-run-${attempt}.xml`);
    const result = await runProcess(
      python,
      [
        '-m',
        'pytest',
        '-q',
        '-p',
        'no:cacheprovider',
        ...(guard ? PYTEST_GUARD_PLUGIN : []),
        `--junitxml=${junit}`,
        ...only,
      ],
      {
        cwd: suiteDir,
        env: { ...process.env, ...options.env, ...guardEnv },
        timeoutMs: 60 * 60_000,
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    options.signal?.throwIfAborted();
    const cases = await readJunitCases(junit).catch(() => undefined);
    if (!cases || (cases.length === 0 && result.code !== 0 && result.code !== 5)) {
      throw new TestopsError(
        'TESTOPS_RUNNER_FAILED',
        `pytest did not run the suite (exit ${result.code}): ${(result.stdout + result.stderr).trim().split('\n').slice(-5).join(' | ')}`,
        {
          where: suiteDir,
          expected: 'pytest to collect and run the tests and write its JUnit report',
          hint: 'run `python3 -m pytest` in the suite folder to see the full error.',
        },
      );
    }
    runs.push(cases);
    const failed = cases.filter((testCase) => testCase.outcome === 'failed').length;
    options.events({
      type: 'run-end',
      attempt,
      passed: cases.length - failed,
      failed,
      skipped: cases.filter((testCase) => testCase.outcome === 'skipped').length,
    });
  }
  return classifyJunitRuns(suiteDir, runs);
}

/**
 * pytest node ids of earlier outcomes: JUnit names a test `tests/test_items/TestItems::test_x`
 * (its module's dotted path, then its class); the node id is `tests/test_items.py::TestItems::test_x`.
 */
function nodeIds(suiteDir: string, outcomes: readonly TestOutcome[]): string[] {
  return outcomes.flatMap((outcome) => {
    const [path, name] = outcome.file.split('::') as [string, string | undefined];
    if (name === undefined) return [];
    const parts = path.split('/');
    for (let end = parts.length; end > 0; end--) {
      const module = `${parts.slice(0, end).join('/')}.py`;
      if (existsSync(join(suiteDir, module))) return [[module, ...parts.slice(end), name].join('::')];
    }
    return [];
  });
}
