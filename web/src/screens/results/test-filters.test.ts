import { describe, expect, it } from 'vitest';
import { filterTests, NO_FILTERS, testTargets } from './test-filters.ts';
import { sampleTests } from './test-fixtures.ts';

describe('filterTests', () => {
  const tests = sampleTests(100);

  it('combines kind, verdict, target and text', () => {
    const found = filterTests(tests, { kind: 'api', status: 'defect', target: 'GET /api/v1/vms', text: '' });
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.every(
        (test) => test.kind === 'api' && test.status === 'defect' && test.target === 'GET /api/v1/vms',
      ),
    ).toBe(true);
  });

  it('finds text in the title or the target, ignoring case', () => {
    expect(filterTests(tests, { ...NO_FILTERS, text: 'MISSING NAME' }).map((test) => test.key)).toContain(
      'test-11',
    );
    expect(filterTests(tests, { ...NO_FILTERS, text: '/disks/{disk_id}' })).toHaveLength(25);
  });

  it('lists each target once, sorted', () => {
    expect(testTargets(tests)).toEqual([
      'DELETE /api/v1/disks/{disk_id}',
      'GET /api/v1/disks',
      'GET /api/v1/vms',
      'POST /api/v1/vms',
    ]);
  });
});
