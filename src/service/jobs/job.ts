import type { PipelineEvent } from '../../core/events.ts';

/**
 * A job is one request to the engine (generate API tests, manual cases, a check…). Jobs are rows
 * first: every queue adapter only carries job ids, so a job survives restarts of any process.
 */
export const JOB_KINDS = [
  'api-tests',
  'test-cases',
  'validate',
  'optimize',
  'test-plan',
  'prioritize',
  'export',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const FINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

export interface JobProgress {
  /** 0–100; the runner estimates it from the stages it has passed. */
  percent: number;
  stage: string | undefined;
}

/** One error a job ran into: an item that was skipped, or why the whole job failed. */
export interface JobError {
  code: string;
  message: string;
  /** Where: a JSON pointer, an operation, a URL. */
  where?: string;
}

export interface JobRecord {
  id: string;
  projectId: string;
  kind: JobKind;
  status: JobStatus;
  /** The validated request body (secrets already moved to the secret store; see `secretRefs`). */
  input: Record<string, unknown>;
  progress: JobProgress;
  summary: Record<string, unknown> | undefined;
  errors: JobError[];
  /** Attempts started so far (a retry after a crash counts). */
  attempts: number;
  maxAttempts: number;
  idempotencyKey: string | undefined;
  cancelRequested: boolean;
  /** The worker holding the job while it runs; with `leaseUntil`, how a crashed worker is noticed. */
  workerId: string | undefined;
  leaseUntil: Date | undefined;
  createdAt: Date;
  startedAt: Date | undefined;
  finishedAt: Date | undefined;
}

export interface NewJob {
  projectId: string;
  kind: JobKind;
  input: Record<string, unknown>;
  idempotencyKey?: string;
  maxAttempts?: number;
}

/** What travels to SSE listeners: the engine's events, progress, and the job's final status. */
export type JobEvent =
  | PipelineEvent
  | { type: 'progress'; percent: number; stage: string | undefined }
  | { type: 'status'; status: JobStatus; summary?: Record<string, unknown>; errors?: JobError[] };

/** An event as stored: `seq` is per job, increasing, and is the SSE event id. */
export interface StoredJobEvent {
  jobId: string;
  seq: number;
  event: JobEvent;
  at: Date;
}
