import type { LlmSettings } from './llm-settings.ts';
import { openModelClient } from './open-model-client.ts';

/** A probe's answer is reused this long: /ready is polled often and each real call costs tokens. */
const REMEMBER_MS = 60_000;

/**
 * The model's readiness check: one tiny real call (a model list may answer without a working
 * key), remembered for a minute. The service reports a failure as degraded, never as not ready.
 */
export function modelReadinessCheck(settings: Readonly<LlmSettings>, now = Date.now): () => Promise<void> {
  let last: { at: number; result: Promise<void> } | undefined;
  return () => {
    if (!last || now() - last.at > REMEMBER_MS) {
      const result = openModelClient({ settings }).then((client) => client.completion.ping());
      // Remembered whether it passes or fails; a rejection is handled by each caller.
      result.catch(() => {});
      last = { at: now(), result };
    }
    return last.result;
  };
}
