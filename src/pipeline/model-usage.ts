import type { ModelUsage, UsageTotals } from '../core/model-client.ts';

/** The model calls of one run, summed; a cost stays undefined when no call had a price. */
export function sumUsage(calls: ModelUsage[]): UsageTotals {
  const sum = (pick: (usage: ModelUsage) => number) => calls.reduce((total, usage) => total + pick(usage), 0);
  const cost = (pick: (usage: ModelUsage) => number | undefined) =>
    calls.every((usage) => pick(usage) === undefined) ? undefined : sum((usage) => pick(usage) ?? 0);
  return {
    calls: calls.length,
    fromCache: calls.filter((usage) => usage.fromCache).length,
    failed: calls.filter((usage) => usage.outcome === 'failed').length,
    inputTokens: sum((usage) => usage.inputTokens),
    outputTokens: sum((usage) => usage.outputTokens),
    cachedInputTokens: sum((usage) => usage.cachedInputTokens),
    costUsd: cost((usage) => usage.costUsd),
    costRub: cost((usage) => usage.costRub),
  };
}
