// The body of a test's worker thread: opens a model client as a job's thread does (with the
// process's shared breaker and limit when given), sends `calls` chat requests at once through its
// resilient fetch once told to go, and answers each one's HTTP status or error code.
import { parentPort, workerData } from 'node:worker_threads';
import { readLlmSettings } from '../../src/llm/llm-settings.ts';
import { openModelClient } from '../../src/llm/open-model-client.ts';
import { useSharedLlmState, type SharedLlmHandle } from '../../src/llm/shared-llm-state.ts';

export interface ModelThreadStart {
  llmState: SharedLlmHandle | undefined;
  env: Record<string, string>;
  calls: number;
}

const start = workerData as ModelThreadStart;
if (start.llmState) useSharedLlmState(start.llmState);
const settings = readLlmSettings(start.env)!;
const client = await openModelClient({ settings });
// Threads take seconds to start: each says it is ready and sends when every thread is.
parentPort!.postMessage('ready');
await new Promise((resolve) => parentPort!.once('message', resolve));
const outcomes = await Promise.all(
  Array.from({ length: start.calls }, async () => {
    try {
      const response = await client.fetch(`${settings.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: client.model, messages: [{ role: 'user', content: 'ping' }] }),
      });
      await response.text();
      return String(response.status);
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  }),
);
parentPort!.postMessage(outcomes);
