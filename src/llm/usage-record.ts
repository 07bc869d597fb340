import type { ModelUsage } from '../core/model-client.ts';
import { costOf, type PriceTable, type TokenCounts } from './price-table.ts';

/**
 * One usage record of a model call, priced from the table. No tokens (`undefined`) and outcome
 * `ok` means the answer came from our response cache.
 */
export function usageRecord(
  model: { provider: string; model: string },
  task: string,
  result: (TokenCounts & { latencyMs: number }) | undefined,
  outcome: ModelUsage['outcome'],
  prices: PriceTable = {},
): ModelUsage {
  const tokens = {
    inputTokens: result?.inputTokens ?? 0,
    outputTokens: result?.outputTokens ?? 0,
    cachedInputTokens: result?.cachedInputTokens ?? 0,
  };
  const cost = costOf(prices, model.model, tokens);
  return {
    provider: model.provider,
    model: model.model,
    task,
    ...tokens,
    latencyMs: result?.latencyMs ?? 0,
    fromCache: result === undefined && outcome === 'ok',
    outcome,
    costUsd: cost.usd,
    costRub: cost.rub,
  };
}
