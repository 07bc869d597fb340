import { describe, expect, it } from 'vitest';
import type { TriageFailure } from '../../src/core/triage.ts';
import { classifyFailure } from '../../src/triage/classify-rules.ts';
import { clusterFailures } from '../../src/triage/cluster-failures.ts';
import { normaliseMessage } from '../../src/triage/normalise-message.ts';

const failure = (message: string, extra: Partial<TriageFailure> = {}): TriageFailure => ({
  test: 'a test',
  file: 'tests/a.spec.ts:3',
  operation: undefined,
  status: 'failed',
  message,
  frames: [],
  expected: undefined,
  actual: undefined,
  findingSignature: undefined,
  findingTitle: undefined,
  passes: 0,
  runs: 1,
  ...extra,
});

describe('deterministic classification', () => {
  it.each([
    ['apiRequestContext.get: getaddrinfo ENOTFOUND api.staging.invalid', 'environment', 'DNS'],
    ['Error: read ECONNRESET', 'environment', 'reset'],
    ['expected status 200, got status 503 Service Unavailable', 'environment', '502/503/504'],
    ['page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:3000/', 'environment', 'refused'],
    ['ReferenceError: totl is not defined', 'test-defect', 'test code'],
    [
      'expect(locator).toHaveText(expected) failed\nLocator: getByTestId(\'total\')\nExpected: "12"\nReceived: <element(s) not found>',
      'test-defect',
      'locator not found',
    ],
    ['expect(received).toBe(expected)\nExpected: 201\nReceived: 500', 'product-defect', 'server error 500'],
    ['expected status 201, got status 200', 'product-defect', 'status differs'],
    ['Test timeout of 30000ms exceeded.', 'environment', 'ran out of time'],
  ])('%s → %s', (message, expected, reason) => {
    const result = classifyFailure(failure(message));
    expect(result.class).toBe(expected);
    expect(result.reasons.join('; ')).toContain(reason);
  });

  it('calls a test that passed on a retry flaky, whatever its message', () => {
    expect(classifyFailure(failure('connect ECONNREFUSED', { status: 'flaky', passes: 1, runs: 2 }))).toEqual(
      {
        class: 'flaky',
        reasons: ['passed 1 of 2 attempts: the same code gave different results'],
      },
    );
  });
});

describe('clustering by root cause', () => {
  it('masks what varies, keeping the status; environment failures share one cluster across operations', () => {
    expect(
      normaliseMessage(
        'GET http://127.0.0.1:4100/api/v1/vms/5f0c7a1e-4a4b-4c1f-9f5e-0d9d8c7b6a5f at 2026-12-03T16:40:00Z: expected status 404, got status 500 after 1534 ms',
      ),
    ).toBe('GET <url> at <time>: expected status 404, got status 500 after <n> ms');
    const clusters = clusterFailures([
      failure('connect ECONNREFUSED 127.0.0.1:4100', { operation: 'GET /vms' }),
      failure('connect ECONNREFUSED 127.0.0.1:4100', { operation: 'POST /disks' }),
      failure('expected status 201, got status 200', { operation: 'POST /disks' }),
      failure('expected status 201, got status 200', { operation: 'POST /vms' }),
      failure('expected status 201, got status 200', { operation: 'POST /disks', test: 'another' }),
    ]);
    expect(clusters.map((cluster) => [cluster.class, cluster.count])).toEqual([
      ['environment', 2],
      ['product-defect', 2],
      ['product-defect', 1],
    ]);
    expect(clusters[0]!.id).toMatch(/^[0-9a-f]{16}$/);
  });
});
