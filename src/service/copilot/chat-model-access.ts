import type { ChatModel } from '../../core/chat-model.ts';
import type { ServiceConfig } from '../config.ts';
import { recordModelCall } from '../observability/llm-metrics.ts';
import type { ServiceMetrics } from '../observability/metrics.ts';
import type { ChatModelAccess } from './copilot.ts';

/**
 * The configured model for chat, opened on the first question: the AI SDK stays unloaded in a
 * server nobody chats with. A failed opening (the provider unreachable) is tried again next time.
 */
export function chatModelAccess(
  settings: ServiceConfig['llm'],
  metrics: ServiceMetrics | undefined,
): ChatModelAccess {
  let opening: Promise<ChatModel> | undefined;
  return async () => {
    if (!settings) return undefined;
    opening ??= import('../../llm/open-model-client.ts').then(({ openModelClient }) =>
      openModelClient({
        settings,
        ...(metrics ? { onUsage: (usage) => recordModelCall(metrics, usage) } : {}),
      }),
    );
    try {
      return await opening;
    } catch (error) {
      opening = undefined;
      throw error;
    }
  };
}
