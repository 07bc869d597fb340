import type { ModelUsage } from '../../core/model-client.ts';
import type { ServiceMetrics } from './metrics.ts';

/**
 * A model call as metrics. Jobs run in threads of their own, so calls reach the parent as
 * `model-call` events and are counted here, where `/metrics` reads the registry.
 */
export function recordModelCall(metrics: ServiceMetrics, usage: ModelUsage): void {
  const labels = { provider: usage.provider, model: usage.model };
  metrics.llmRequests.inc({ ...labels, outcome: usage.fromCache ? 'cached' : usage.outcome });
  if (usage.fromCache) return;
  metrics.llmTokens.inc({ ...labels, type: 'input' }, usage.inputTokens);
  metrics.llmTokens.inc({ ...labels, type: 'output' }, usage.outputTokens);
  if (usage.cachedInputTokens > 0)
    metrics.llmTokens.inc({ ...labels, type: 'cached_input' }, usage.cachedInputTokens);
  metrics.llmRequestDuration.observe(labels, usage.latencyMs / 1000);
}
