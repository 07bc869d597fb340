import type { Task } from '../../api/api-types.ts';

export interface RunHealth {
  task: Task;
  generated: number;
  delivered: number;
  defects: number;
  flaky: number;
  /** `healthy`: every generated test was delivered; `defects`: the target failed some. */
  verdict: 'healthy' | 'defects' | 'flaky' | 'unverified';
}

const SUITE_KINDS = new Set(['api-tests', 'test-cases']);

/** The newest completed suite of the project, with what its run said about the target. */
export function latestRunHealth(tasks: readonly Task[]): RunHealth | undefined {
  const task = tasks.find((candidate) => SUITE_KINDS.has(candidate.kind) && candidate.status === 'completed');
  const counts = task?.summary?.['tests'] as
    Partial<Record<'generated' | 'delivered' | 'flaky', number>> | undefined;
  if (!task || !counts) return undefined;
  const defects = Number(task.summary?.['suspected_defects'] ?? 0);
  const flaky = Number(counts.flaky ?? task.summary?.['flaky'] ?? 0);
  const executed = task.summary?.['executed'] !== false;
  return {
    task,
    generated: counts.generated ?? 0,
    delivered: counts.delivered ?? 0,
    defects,
    flaky,
    verdict: !executed ? 'unverified' : defects > 0 ? 'defects' : flaky > 0 ? 'flaky' : 'healthy',
  };
}
