import type { ResponseCache } from '../../core/response-cache.ts';
import type { EventSink } from '../../core/events.ts';
import type { VectorIndex } from '../../core/vector-index.ts';
import type { LlmSettings } from '../../llm/llm-settings.ts';
import type { UrlGuardOptions } from '../../pipeline/target-guard.ts';
import type { RunResultRecord, TestKind, TestStatus } from '../store/stores.ts';
import type { JobError, JobKind, JobRecord } from './job.ts';
import type { JobSecrets } from './job-secrets.ts';

/**
 * Everything an executor may use: its folders, the event sink, its secrets, the guard. All of it
 * but `events` and `signal` is plain data, so an executor can run in a thread of its own.
 */
export interface ExecutorContext {
  job: JobRecord;
  /** Inputs sent inline are written here (specs, requirements, test files). */
  inputDir: string;
  /** Everything written here becomes the job's artifacts (the zip). */
  outputDir: string;
  events: EventSink;
  signal: AbortSignal;
  /** The job's secrets, read for it before it starts (see `readJobSecrets`). */
  secrets: JobSecrets;
  /** Applied to every URL a job fetches or targets: specs, pages, the API under test. */
  guard: UrlGuardOptions;
  /** Origins the server itself allows although they are private (its bundled demo targets). */
  trustedOrigins: readonly string[];
  /**
   * The project's own model (its key included), used instead of TESTOPS_LLM_*; its requests pass
   * the SSRF guard at connect time. Absent: the environment's model, if any.
   */
  model?: Readonly<LlmSettings>;
  /** Where model answers are cached (the database, or Redis); every call is sent when absent. */
  responseCache?: ResponseCache;
  /** The job's project's stored embeddings (the optimiser reuses and searches them). */
  vectorIndex?: VectorIndex;
}

/** The guard for one target: private addresses pass only when allowed, or for a trusted origin. */
export function guardFor(
  context: Pick<ExecutorContext, 'guard' | 'trustedOrigins'>,
  url: string | undefined,
): UrlGuardOptions {
  if (context.guard.allowPrivate || url === undefined) return context.guard;
  const origin = URL.canParse(url) ? new URL(url).origin : undefined;
  return { allowPrivate: origin !== undefined && context.trustedOrigins.includes(origin) };
}

/** A test the job produced, before it is stored (see TestStore.saveForJob). */
export interface TestDraft {
  key: string;
  kind: TestKind;
  status: TestStatus;
  title: string;
  target: string | undefined;
  file: string | undefined;
  document: Record<string, unknown>;
}

export interface ExecutorResult {
  summary: Record<string, unknown>;
  tests: TestDraft[];
  report: { kind: string; report: Record<string, unknown>; results?: RunResultRecord[] } | undefined;
  /** Items skipped along the way; the job still completes. */
  errors: JobError[];
}

/** Runs one kind of job with the engine. `input` has been validated by the kind's schema. */
export type JobExecutor = (input: unknown, context: ExecutorContext) => Promise<ExecutorResult>;

export type ExecutorRegistry = Record<JobKind, JobExecutor>;

/** How many stages a job of this kind passes through: the runner's progress estimate. */
export const EXPECTED_STAGES: Record<JobKind, number> = {
  'api-tests': 4,
  'test-cases': 3,
  validate: 1,
  optimize: 3,
  'test-plan': 4,
  prioritize: 5,
  export: 4,
  crew: 10,
};
