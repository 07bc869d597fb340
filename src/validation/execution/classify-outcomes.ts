import { withoutAnsi } from '../../core/plain-text.ts';
import type { FailureEvidence, RecordedExchange, TestOutcome } from '../../core/run-report.ts';
import {
  flattenSpecs,
  type PlaywrightJsonReport,
  type PlaywrightJsonResult,
} from '../../core/playwright-json-report.ts';

/**
 * One verdict per test from all its repeats: passed every time → delivered, failed every
 * time → suspected defect, both → flaky, never run → skipped (with the reason it gave).
 */
export function classifyPlaywrightReport(report: PlaywrightJsonReport): TestOutcome[] {
  const byKey = new Map<
    string,
    {
      title: string;
      file: string;
      line: number;
      operation: string | undefined;
      results: PlaywrightJsonResult[];
    }
  >();
  for (const spec of flattenSpecs(report)) {
    const key = `${spec.file}:${spec.line}:${spec.title}`;
    const entry = byKey.get(key) ?? {
      title: spec.title,
      file: spec.file,
      line: spec.line,
      operation: undefined,
      results: [],
    };
    for (const test of spec.tests) {
      entry.operation ??= test.annotations?.find(
        (annotation) => annotation.type === 'operation',
      )?.description;
      entry.results.push(...test.results);
    }
    byKey.set(key, entry);
  }
  return [...byKey.values()].map((entry) => {
    const ran = entry.results.filter((result) => result.status !== 'skipped');
    const passes = ran.filter((result) => result.status === 'passed').length;
    const firstFailure = ran.find((result) => result.status !== 'passed');
    const skipReason = entry.results
      .flatMap((result) => result.annotations ?? [])
      .find((annotation) => annotation.type === 'skip' || annotation.type === 'fixme')?.description;
    const verdict: TestOutcome['verdict'] =
      ran.length === 0 ? 'skipped' : passes === ran.length ? 'delivered' : passes === 0 ? 'defect' : 'flaky';
    return {
      title: entry.title,
      file: `${entry.file}:${entry.line}`,
      operation: entry.operation,
      verdict,
      passes,
      runs: ran.length,
      skipReason: verdict === 'skipped' ? (skipReason ?? 'skipped') : undefined,
      failure: firstFailure ? evidenceOf(firstFailure) : undefined,
    };
  });
}

function evidenceOf(result: PlaywrightJsonResult): FailureEvidence {
  const raw = result.errors?.[0]?.message ?? result.error?.message ?? `test ${result.status}`;
  const message = withoutAnsi(raw);
  const expected =
    /^Expected: (.*)$/m.exec(message)?.[1] ??
    (result.status === 'timedOut' ? 'the test to finish within its timeout' : 'the test to pass');
  const actual = /^Actual: (.*)$/m.exec(message)?.[1] ?? message.split('\n')[0]!.slice(0, 300);
  return { message, expected, actual, exchanges: exchangesOf(result), artifacts: artifactsOf(result) };
}

/** Screenshot and trace files Playwright kept for the failure (as paths it wrote them to). */
function artifactsOf(result: PlaywrightJsonResult): string[] {
  return (result.attachments ?? []).flatMap((attachment) =>
    attachment.path && ['screenshot', 'trace', 'video'].includes(attachment.name) ? [attachment.path] : [],
  );
}

function exchangesOf(result: PlaywrightJsonResult): RecordedExchange[] {
  const attachment = result.attachments?.find((candidate) => candidate.name === 'testops-exchanges');
  if (!attachment?.body) return [];
  try {
    return JSON.parse(Buffer.from(attachment.body, 'base64').toString('utf8')) as RecordedExchange[];
  } catch {
    return [];
  }
}
