import { describe, expect, it } from 'vitest';
import { filterTests, NO_FILTERS, testTargets } from './test-filters.ts';
import { sampleTests } from './test-fixtures.ts';

describe('filterTests', () => {
  const tests = sampleTests(100);

  it('combines kind, verdict, target and text', () => {
    const found = filterTests(tests, {
      ...NO_FILTERS,
      kind: 'api',
      status: 'defect',
      target: 'GET /api/v1/vms',
    });
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.every(
        (test) => test.kind === 'api' && test.status === 'defect' && test.target === 'GET /api/v1/vms',
      ),
    ).toBe(true);
  });

  it('keeps the tests of the chosen priority, never those that have none', () => {
    const critical = filterTests(tests, { ...NO_FILTERS, priority: 'critical' });
    expect(critical).toHaveLength(25);
    expect(critical.every((test) => test.priority === 'critical')).toBe(true);
    const lowDefects = filterTests(tests, { ...NO_FILTERS, priority: 'low', status: 'defect' });
    // Priorities repeat every 4 tests and verdicts every 5: low defects are tests 18, 38, 58, 78, 98.
    expect(lowDefects.map((test) => test.key)).toEqual([
      'test-18',
      'test-38',
      'test-58',
      'test-78',
      'test-98',
    ]);
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
