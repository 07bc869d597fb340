import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../src/service/jobs/job.ts';
import { jobSources } from '../../../src/service/jobs/job-sources.ts';

function job(input: Record<string, unknown>): JobRecord {
  return {
    id: 'a0b1c2d3-0000-4000-8000-000000000001',
    projectId: 'billing',
    kind: 'api-tests',
    status: 'running',
    input,
    progress: { percent: 0, stage: undefined },
    summary: undefined,
    errors: [],
    attempts: 1,
    maxAttempts: 3,
    idempotencyKey: undefined,
    cancelRequested: false,
    workerId: 'w',
    leaseUntil: undefined,
    createdAt: new Date(),
    startedAt: new Date(),
    finishedAt: undefined,
  };
}

describe('the sources a job worked from', () => {
  it('keeps inline specs (text or object), requirements, test files, defects and explored page models', () => {
    const sources = jobSources(
      job({
        openapi_spec: { openapi: '3.0.3', info: { title: 'Pets', version: '1' }, paths: {} },
        requirements: ['Users can add a service', 'The total includes VAT'],
        files: [{ path: 'test_a.py', content: 'def test_a(): pass\n' }],
        defects: { format: 'csv', content: 'key,summary\nBUG-1,Total wrong\n' },
        url: 'https://calc.example.com/',
      }),
      [
        { path: 'ui-suite/model/site-model.json', content: Buffer.from('{"version":1}') },
        { path: 'ui-suite/tests/home.spec.ts', content: Buffer.from('') },
      ],
    );
    expect(sources.map((source) => source.kind)).toEqual([
      'openapi',
      'requirements',
      'tests',
      'defects',
      'page-model',
    ]);
    expect(sources.every((source) => source.projectId === 'billing')).toBe(true);
    expect(sources[0]!.content).toContain('title: Pets');
    expect(sources[1]!.content).toBe('Users can add a service\n\nThe total includes VAT');
    expect(sources[4]).toMatchObject({ origin: 'https://calc.example.com/', content: '{"version":1}' });
  });

  it('keeps nothing for a spec given by URL (the job fetched it; the URL is in the job input)', () => {
    expect(jobSources(job({ openapi_url: 'https://api.example.com/openapi.json' }), [])).toEqual([]);
  });
});
