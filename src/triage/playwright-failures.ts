import type { PlaywrightJsonResult, PlaywrightJsonSuite } from '../core/playwright-json-report.ts';
import { withoutAnsi } from '../core/plain-text.ts';
import { type ReadFailures, isObject, framesOf } from './read-result.ts';

/**
 * Failures of Playwright's JSON reporter output: unexpected tests (failed or timed out on their
 * last attempt) and flaky ones (failed, then passed on a retry); errors outside any test too.
 */
export function playwrightFailures(value: unknown): ReadFailures {
  const report = value as { suites?: unknown[]; errors?: { message?: string; stack?: string }[] };
  const result: ReadFailures = { failures: [], problems: [] };
  const visit = (suite: unknown, path: string) => {
    if (!isObject(suite)) {
      result.problems.push({ entry: path, message: 'is not a suite object' });
      return;
    }
    const typed = suite as unknown as PlaywrightJsonSuite;
    (Array.isArray(typed.specs) ? typed.specs : []).forEach((spec, index) => {
      const where = `${path}.specs[${index}]`;
      if (!isObject(spec) || typeof spec.title !== 'string' || !Array.isArray(spec.tests)) {
        result.problems.push({ entry: where, message: 'has no "title" or no "tests" list' });
        return;
      }
      for (const test of spec.tests) {
        const results = Array.isArray(test?.results) ? test.results : [];
        const failed = results.filter((run) => run.status === 'failed' || run.status === 'timedOut');
        if (failed.length === 0) continue;
        const passes = results.filter((run) => run.status === 'passed').length;
        const last = failed.at(-1)!;
        result.failures.push({
          test: spec.title,
          file: spec.file ? `${spec.file}:${spec.line}` : undefined,
          operation: test.annotations?.find((annotation) => annotation.type === 'operation')?.description,
          status:
            test.status === 'flaky' || passes > 0
              ? 'flaky'
              : last.status === 'timedOut'
                ? 'timedOut'
                : 'failed',
          ...errorOf(last),
          expected: undefined,
          actual: undefined,
          findingSignature: undefined,
          findingTitle: undefined,
          passes,
          runs: results.filter((run) => run.status !== 'skipped').length,
        });
      }
    });
    (Array.isArray(typed.suites) ? typed.suites : []).forEach((child, index) =>
      visit(child, `${path}.suites[${index}]`),
    );
  };
  (Array.isArray(report.suites) ? report.suites : []).forEach((suite, index) =>
    visit(suite, `suites[${index}]`),
  );
  (report.errors ?? []).forEach((error) => {
    result.failures.push({
      test: '(outside any test)',
      file: undefined,
      operation: undefined,
      status: 'error',
      ...errorOf({ status: 'failed', error }),
      expected: undefined,
      actual: undefined,
      findingSignature: undefined,
      findingTitle: undefined,
      passes: 0,
      runs: 1,
    });
  });
  return result;
}

type ErrorWithLocation = {
  message?: string;
  stack?: string;
  location?: { file: string; line: number; column: number };
};

function errorOf(run: PlaywrightJsonResult): { message: string; frames: string[] } {
  const error = (run.error ?? run.errors?.[0]) as ErrorWithLocation | undefined;
  const message = withoutAnsi(error?.message ?? `test ${run.status}`);
  const frames = framesOf(withoutAnsi(error?.stack ?? ''));
  const location = error?.location;
  if (frames.length === 0 && location) frames.push(`${location.file}:${location.line}:${location.column}`);
  return { message, frames };
}
