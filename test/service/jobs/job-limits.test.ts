import { describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { jobTimeoutError } from '../../../src/service/jobs/job-limits.ts';

describe('job limits', () => {
  it('takes a kind’s own timeout first, then the one for every kind, then the default', () => {
    const config = loadServiceConfig({
      TESTOPS_JOB_TIMEOUT_MS: '600000',
      TESTOPS_JOB_TIMEOUT_MS_TEST_CASES: '90000',
      TESTOPS_JOB_TIMEOUT_MS_VALIDATE: '0',
    });
    expect(config.jobTimeoutsMs['test-cases']).toBe(90_000);
    expect(config.jobTimeoutsMs['api-tests']).toBe(600_000);
    // 0 would stop every job at once: the kind keeps its default.
    expect(config.jobTimeoutsMs.validate).toBe(120_000);
    expect(loadServiceConfig({}).jobTimeoutsMs).toEqual({
      'api-tests': 1_800_000,
      'test-cases': 1_800_000,
      validate: 120_000,
      optimize: 600_000,
      'test-plan': 600_000,
      prioritize: 600_000,
      export: 600_000,
    });
  });

  it('says which limit a job passed and how to raise it', () => {
    const error = jobTimeoutError({ id: 'job-1', kind: 'test-cases' }, 1_800_000);
    expect(error.code).toBe('TESTOPS_JOB_TIMEOUT');
    expect(error.message).toMatchInlineSnapshot(`
      "job job-1: the test-cases job ran longer than 30 min
      Expected an attempt to finish within 30 min.
      Tip: send a smaller input, or raise the limit with TESTOPS_JOB_TIMEOUT_MS_TEST_CASES (this kind) or TESTOPS_JOB_TIMEOUT_MS (every kind), in milliseconds."
    `);
  });
});
