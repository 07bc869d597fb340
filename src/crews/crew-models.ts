import type { EventSink } from '../core/events.ts';
import type { ModelClient } from '../core/model-client.ts';
import { modelFor, type ModelOptions } from '../pipeline/model-access.ts';
import type { ModelPicker } from './crew-runner.ts';

/**
 * The models of a crew run: the configured one, or an agent's own `llm` of the same provider;
 * each opened once. No model (off, not configured, unavailable) is undefined: tasks then run
 * their tools directly where they can.
 */
export function crewModels(options: ModelOptions, events: EventSink): ModelPicker {
  const opened = new Map<string, Promise<ModelClient | undefined>>();
  return (llm) => {
    const key = llm ?? '';
    let client = opened.get(key);
    if (!client) {
      client = modelFor({ ...options, ...(llm ? { model: llm } : {}) }, events).then(
        (access) => access.client,
      );
      opened.set(key, client);
    }
    return client;
  };
}
