import { ZodError } from 'zod';
import { TestopsError, type TestopsErrorCode } from '../../core/errors.ts';
import type { PipelineEvent } from '../../core/events.ts';
import type { VectorEntry } from '../../core/vector-index.ts';
import type { SharedLlmHandle } from '../../llm/shared-llm-state.ts';
import type { ExecutorContext, ExecutorResult } from './executor.ts';
import type { JobKind } from './job.ts';
import { toJobError } from './job-error.ts';

/** Where a job's thread finds its executors: a module and the name of its ExecutorRegistry export. */
export interface ExecutorModule {
  url: string;
  exportName: string;
}

/** Where a job's thread exports its spans (the engine's outgoing requests), and their parent. */
export interface ThreadTracing {
  endpoint: string;
  serviceName: string;
  /** The job's span, so the thread's spans join the trace of the request that submitted it. */
  traceparent: string | undefined;
}

/** What a job's thread starts with (its workerData): plain data only. */
export interface ThreadStart {
  executors: ExecutorModule;
  kind: JobKind;
  input: unknown;
  context: Omit<ExecutorContext, 'events' | 'signal' | 'responseCache' | 'vectorIndex'>;
  /** Whether the parent answers `cache-get`/`cache-set` (it holds a response cache). */
  cache: boolean;
  /** Whether the parent answers `index-call` (it holds the stores' embeddings). */
  vectorIndex: boolean;
  tracing: ThreadTracing | undefined;
  /** The process's model circuit breakers and concurrency limits, shared by every job's thread. */
  llmState: SharedLlmHandle | undefined;
}

/** Parent → thread. */
export type ParentMessage =
  | { type: 'cancel' }
  | { type: 'cache-value'; id: number; value: string | undefined }
  | { type: 'index-answer'; id: number; value?: unknown; error?: string };

/** A call of the job's `VectorIndex`, answered by the parent for the job's project. */
export type IndexCall =
  | { method: 'vectors'; refs: string[] }
  | { method: 'put'; entries: VectorEntry[] }
  | { method: 'neighbours'; queries: string[]; among: string[]; minSimilarity: number };

/**
 * Thread → parent, in order: events, then one result or one error. The model's response cache
 * and the stored embeddings live in the parent (the embedded database has one owner), so a
 * thread asks them by message.
 */
export type ThreadMessage =
  | { type: 'event'; event: PipelineEvent }
  | { type: 'cache-get'; id: number; key: string }
  | { type: 'cache-set'; key: string; value: string }
  | { type: 'index-call'; id: number; call: IndexCall }
  | { type: 'result'; result: ExecutorResult }
  | { type: 'error'; error: ThrownError };

/** An error crossing the thread boundary as data, keeping what the retry decision and logs need. */
export type ThrownError =
  | {
      kind: 'testops';
      code: TestopsErrorCode;
      message: string;
      where?: string;
      expected?: string;
      hint?: string;
      stack?: string;
    }
  | { kind: 'other'; name: string; message: string; stack?: string };

export function toThrownError(error: unknown): ThrownError {
  if (error instanceof TestopsError) {
    const { code, message, where, expected, hint, stack } = error;
    return { kind: 'testops', code, message, ...defined({ where, expected, hint, stack }) };
  }
  if (error instanceof ZodError) {
    // An input that fails its schema is the caller's mistake, as in the runner (toJobError).
    const { message, where } = toJobError(error);
    return { kind: 'testops', code: 'TESTOPS_INVALID_ARGUMENT', message, ...defined({ where }) };
  }
  if (error instanceof Error)
    return { kind: 'other', name: error.name, message: error.message, ...defined({ stack: error.stack }) };
  return { kind: 'other', name: 'Error', message: String(error) };
}

export function fromThrownError(thrown: ThrownError): Error {
  if (thrown.kind === 'testops') {
    const error = new TestopsError(thrown.code, thrown.message, {
      ...defined({ where: thrown.where, expected: thrown.expected, hint: thrown.hint }),
    });
    // The message was formatted (where, expected, tip) where the error was raised.
    error.message = thrown.message;
    if (thrown.stack) error.stack = thrown.stack;
    return error;
  }
  const error = new Error(thrown.message);
  error.name = thrown.name;
  if (thrown.stack) error.stack = thrown.stack;
  return error;
}

function defined<T extends Record<string, string | undefined>>(fields: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<
    Record<keyof T, string>
  >;
}
