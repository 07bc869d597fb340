import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/api-types.ts';
import { latestRunHealth } from './run-health.ts';

const task = (overrides: Partial<Task>): Task =>
  ({ kind: 'api-tests', status: 'completed', summary: null, request_id: 'x', ...overrides }) as Task;

describe('latestRunHealth', () => {
  it('reads the newest completed suite, skipping reports and failed runs', () => {
    const health = latestRunHealth([
      task({ kind: 'validate', summary: { files: 1 } }),
      task({ status: 'failed' }),
      task({
        request_id: 'run',
        summary: { tests: { generated: 10, delivered: 8 }, suspected_defects: 2, executed: true },
      }),
    ]);
    expect(health).toMatchObject({ generated: 10, delivered: 8, defects: 2, verdict: 'defects' });
    expect(health?.task.request_id).toBe('run');
  });

  it('says healthy only when nothing failed, and nothing when no suite ran', () => {
    expect(
      latestRunHealth([task({ summary: { tests: { generated: 3, delivered: 3 }, suspected_defects: 0 } })])
        ?.verdict,
    ).toBe('healthy');
    expect(latestRunHealth([task({ kind: 'test-plan' })])).toBeUndefined();
  });
});
