import type { ResponseCache } from '../../core/response-cache.ts';
import type { VectorIndex } from '../../core/vector-index.ts';
import { Worker } from 'node:worker_threads';
import { TestopsError } from '../../core/errors.ts';
import { processLlmState, type SharedLlmStateOwner } from '../../llm/shared-llm-state.ts';
import { projectVectorIndex } from '../store/project-vector-index.ts';
import type { EmbeddingStore } from '../store/stores.ts';
import { currentTraceparent } from '../observability/spans.ts';
import type { ExecutorContext, ExecutorRegistry, ExecutorResult } from './executor.ts';
import { JOB_KINDS, type JobKind } from './job.ts';
import {
  fromThrownError,
  type ExecutorModule,
  type ParentMessage,
  type ThreadMessage,
  type ThreadStart,
} from './thread-messages.ts';

export type { ExecutorModule } from './thread-messages.ts';

export interface ThreadExecutorOptions {
  /** The registry each thread loads: the engine's, or a test's. */
  executors: ExecutorModule;
  /** Heap limit of each thread (MB). */
  memoryMb: number;
  /** How long a thread has to stop after its signal aborts before it is terminated. */
  stopGraceMs: number;
  /** With an OTLP endpoint, each thread traces its outgoing requests into the job's trace. */
  tracing?: { endpoint: string; serviceName: string };
  /** The model's response cache, answered here for every thread. */
  responseCache?: ResponseCache;
  /** The stores' embeddings: each thread's `VectorIndex`, scoped here to its job's project. */
  embeddings?: EmbeddingStore;
  /** Model breakers and limits shared by every thread: the process's when absent. */
  llmState?: SharedLlmStateOwner;
}

const ENTRY = new URL('./executor-thread-entry.js', import.meta.url);

/** The engine's executors, as a thread loads them. */
export const ENGINE_EXECUTORS: ExecutorModule = {
  url: new URL('./executors/registry.ts', import.meta.url).href,
  exportName: 'engineExecutors',
};

/**
 * Executors that each run in a worker thread of their own, terminated when the job ends: a job
 * that computes for minutes, loops, or runs out of memory never stalls the event loop that
 * answers the API and renews the job's lease. The runner sees an ordinary ExecutorRegistry.
 */
export function threadExecutors(options: ThreadExecutorOptions): ExecutorRegistry {
  const run = (kind: JobKind) => (input: unknown, context: ExecutorContext) =>
    runInThread(options, kind, input, context);
  return Object.fromEntries(JOB_KINDS.map((kind) => [kind, run(kind)])) as ExecutorRegistry;
}

function runInThread(
  options: ThreadExecutorOptions,
  kind: JobKind,
  input: unknown,
  context: ExecutorContext,
): Promise<ExecutorResult> {
  const { events, signal, responseCache: _cache, vectorIndex: _index, ...data } = context;
  const cache = options.responseCache;
  const index = options.embeddings && projectVectorIndex(options.embeddings, context.job.projectId);
  if (signal.aborted) return Promise.reject(signal.reason);
  // Called inside the job's span (the runner's observer): that span is the thread's parent.
  const tracing = options.tracing && { ...options.tracing, traceparent: currentTraceparent() };
  const llmState = options.llmState ?? processLlmState();
  const lease = llmState.lease();
  const start: ThreadStart = {
    executors: options.executors,
    kind,
    input,
    context: data,
    tracing,
    cache: cache !== undefined,
    vectorIndex: index !== undefined,
    llmState: lease,
  };
  return new Promise((resolve, reject) => {
    const thread = new Worker(ENTRY, {
      workerData: start,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    });
    let outcome: { result: ExecutorResult } | { error: unknown } | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      thread.postMessage({ type: 'cancel' } satisfies ParentMessage);
      // A thread busy computing never reads the message: it is terminated after the grace period.
      graceTimer = setTimeout(() => void thread.terminate(), options.stopGraceMs);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const end = (ended: { result: ExecutorResult } | { error: unknown }) => {
      outcome ??= ended;
      void thread.terminate();
    };
    thread.on('message', (message: ThreadMessage) => {
      if (outcome) return;
      if (message.type === 'cache-get' || message.type === 'cache-set') {
        answerCache(thread, cache, message);
        return;
      }
      if (message.type === 'index-call') {
        answerIndex(thread, index, message);
        return;
      }
      if (message.type === 'event') {
        // Once the job is stopping its sink throws; the events the thread still sends are dropped.
        if (signal.aborted) return;
        try {
          events(message.event);
        } catch (error) {
          // As in the engine, a sink that throws stops the job; here it must not escape the handler.
          end({ error });
        }
      } else if (message.type === 'result') end({ result: message.result });
      else end({ error: fromThrownError(message.error) });
    });
    thread.on('error', (error) => end({ error: threadCrash(kind, context.job.id, error, options) }));
    thread.on('messageerror', (error) => end({ error: threadCrash(kind, context.job.id, error, options) }));
    thread.on('exit', (code) => {
      clearTimeout(graceTimer);
      if (lease) llmState.release(lease);
      signal.removeEventListener('abort', onAbort);
      // Stopped on purpose: the reason (cancel, timeout, shutdown) is the outcome, whatever the thread said.
      if (signal.aborted) return reject(signal.reason);
      const settled = outcome ?? { error: threadExit(kind, context.job.id, code) };
      if ('result' in settled) resolve(settled.result);
      else reject(settled.error);
    });
  });
}

function threadCrash(
  kind: JobKind,
  jobId: string,
  error: unknown,
  options: ThreadExecutorOptions,
): TestopsError {
  const outOfMemory = (error as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
  if (outOfMemory)
    return new TestopsError('TESTOPS_JOB_CRASHED', `the ${kind} job ran out of memory`, {
      where: `job ${jobId}`,
      expected: `at most ${options.memoryMb} MB of heap`,
      hint: 'send a smaller input, or raise the limit with TESTOPS_JOB_MEMORY_MB.',
      cause: error,
    });
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const crash = new TestopsError('TESTOPS_JOB_CRASHED', `the ${kind} job crashed: ${detail}`, {
    where: `job ${jobId}`,
    hint: 'this is a bug in the engine; the log has the stack.',
    cause: error,
  });
  if (error instanceof Error && error.stack) crash.stack = error.stack;
  return crash;
}

function threadExit(kind: JobKind, jobId: string, code: number): TestopsError {
  return new TestopsError(
    'TESTOPS_JOB_CRASHED',
    `the ${kind} job's thread exited (code ${code}) before it returned a result`,
    {
      where: `job ${jobId}`,
      hint: 'something in the engine called process.exit; this is a bug, the log may say more.',
    },
  );
}

/** A cache that fails is a miss: the job then asks the model, it never fails for the cache. */
function answerCache(
  thread: Worker,
  cache: ResponseCache | undefined,
  message: Extract<ThreadMessage, { type: 'cache-get' | 'cache-set' }>,
): void {
  if (message.type === 'cache-set') {
    void cache?.set(message.key, message.value).catch(() => {});
    return;
  }
  void (cache?.get(message.key) ?? Promise.resolve(undefined))
    .catch(() => undefined)
    .then((value) => {
      thread.postMessage({ type: 'cache-value', id: message.id, value } satisfies ParentMessage);
    });
}

/** An index that fails or is absent answers an error: the thread's optimiser then compares in memory. */
function answerIndex(
  thread: Worker,
  index: VectorIndex | undefined,
  message: Extract<ThreadMessage, { type: 'index-call' }>,
): void {
  const { call } = message;
  const work = !index
    ? Promise.reject(new Error('no stored embeddings in this process'))
    : call.method === 'vectors'
      ? index.vectors(call.refs)
      : call.method === 'put'
        ? index.put(call.entries)
        : index.neighbours(call.queries, call.among, call.minSimilarity);
  void work.then(
    (value) => thread.postMessage({ type: 'index-answer', id: message.id, value } satisfies ParentMessage),
    (error: unknown) =>
      thread.postMessage({
        type: 'index-answer',
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies ParentMessage),
  );
}
