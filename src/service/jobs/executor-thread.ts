import { parentPort, workerData } from 'node:worker_threads';
import { useSharedLlmState } from '../../llm/shared-llm-state.ts';
import type { ExecutorRegistry } from './executor.ts';
import { ThreadResponseCache } from './thread-response-cache.ts';
import { ThreadVectorIndex } from './thread-vector-index.ts';
import {
  toThrownError,
  type ParentMessage,
  type ThreadMessage,
  type ThreadStart,
  type ThreadTracing,
} from './thread-messages.ts';

/**
 * The program of a job's thread (see thread-executors.ts): loads the executors, runs the one for
 * the job, streams its events to the parent and ends with its result or its error, as messages.
 */
async function runJobThread(port: NonNullable<typeof parentPort>, start: ThreadStart): Promise<void> {
  const send = (message: ThreadMessage) => port.postMessage(message);
  const controller = new AbortController();
  const cache = start.cache ? new ThreadResponseCache(send) : undefined;
  const vectorIndex = start.vectorIndex ? new ThreadVectorIndex(send) : undefined;
  // Before any model client opens: its breaker and limit are then the process's.
  if (start.llmState) useSharedLlmState(start.llmState);
  port.on('message', (message: ParentMessage) => {
    if (message.type === 'cancel') controller.abort(new Error('the job was stopped'));
    else if (message.type === 'index-answer') vectorIndex?.answered(message.id, message);
    else cache?.answered(message.id, message.value);
  });
  try {
    const module = (await import(start.executors.url)) as Record<string, ExecutorRegistry | undefined>;
    const executors = module[start.executors.exportName];
    if (!executors) throw new Error(`${start.executors.url} exports no ${start.executors.exportName}`);
    const result = await traced(start.tracing, () =>
      executors[start.kind](start.input, {
        ...start.context,
        ...(cache ? { responseCache: cache } : {}),
        ...(vectorIndex ? { vectorIndex } : {}),
        events: (event) => {
          // The engine calls its sink between steps: throwing here stops it there.
          if (controller.signal.aborted) throw controller.signal.reason;
          send({ type: 'event', event });
        },
        signal: controller.signal,
      }),
    );
    send({ type: 'result', result });
  } catch (error) {
    send({ type: 'error', error: toThrownError(error) });
  }
}

/**
 * Runs the job under the job's span with a tracer of the thread's own (OpenTelemetry's
 * registrations are per thread), flushed before the result is sent: the thread ends with it.
 */
async function traced<T>(tracing: ThreadTracing | undefined, work: () => Promise<T>): Promise<T> {
  if (!tracing) return work();
  const { startTracing, withRemoteParent } = await import('../observability/tracing.ts');
  const tracer = startTracing({ serviceName: tracing.serviceName, endpoint: tracing.endpoint });
  try {
    return await withRemoteParent(tracing.traceparent, work);
  } finally {
    await tracer.shutdown();
  }
}

if (!parentPort) throw new Error('executor-thread.ts runs as a worker thread (see thread-executors.ts)');
await runJobThread(parentPort, workerData as ThreadStart);
