import { describe, expect, it } from 'vitest';
import type { RecordedExchange, TestOutcome } from '../../../src/core/run-report.ts';
import {
  PACED_WAIT_MAX_MS,
  pacedPauseMs,
  rateLimitedTests,
  withPacedOutcomes,
} from '../../../src/validation/execution/rate-limit.ts';

const exchange = (status: number, headers: Record<string, string> = {}): RecordedExchange => ({
  request: { method: 'POST', url: 'http://127.0.0.1/users', headers: {}, body: undefined },
  response: { status, headers, body: '' },
});

function outcome(title: string, verdict: TestOutcome['verdict'], exchanges: RecordedExchange[]): TestOutcome {
  return {
    title,
    file: `users.spec.ts:1`,
    operation: 'POST /users',
    verdict,
    passes: verdict === 'flaky' ? 1 : 0,
    runs: 3,
    skipReason: undefined,
    failure: { message: 'failed', expected: '201', actual: 'status 429', exchanges, artifacts: [] },
  };
}

describe('tests that met the target’s rate limit', () => {
  it('are the failed or flaky ones whose failing run ended on a 429, whatever came before', () => {
    const limited = outcome('limited', 'flaky', [exchange(201), exchange(429, { 'retry-after': '20' })]);
    const failed = outcome('failed', 'defect', [exchange(429), exchange(500)]);
    expect(rateLimitedTests([limited, failed]).map((test) => test.title)).toEqual(['limited']);
  });

  it('wait for the longest Retry-After asked, at least a second, at most the cap; the cap when none said', () => {
    const asked = (value?: string) =>
      outcome('t', 'defect', [exchange(429, value ? { 'retry-after': value } : {})]);
    expect(pacedPauseMs([asked('20'), asked('35')])).toBe(35_000);
    expect(pacedPauseMs([asked('0')])).toBe(1_000);
    expect(pacedPauseMs([asked('3600')])).toBe(PACED_WAIT_MAX_MS);
    expect(pacedPauseMs([asked()])).toBe(PACED_WAIT_MAX_MS);
  });

  it('are delivered only when they passed every paced run; otherwise the full run’s verdict stands', () => {
    const full = [outcome('a', 'flaky', [exchange(429)]), outcome('b', 'defect', [exchange(429)])];
    const paced: TestOutcome[] = [
      { ...full[0]!, verdict: 'delivered', passes: 3, failure: undefined },
      { ...full[1]!, verdict: 'flaky', passes: 2 },
    ];
    const merged = withPacedOutcomes(full, paced, 3);
    expect(merged.delivered).toEqual(['a']);
    expect(merged.outcomes.map((test) => [test.title, test.verdict])).toEqual([
      ['a', 'delivered'],
      ['b', 'defect'],
    ]);
  });
});
