import type { JobKind, JobRecord, JobStatus } from '../jobs/job.ts';
import { optional } from './database.ts';
import type { jobs } from './schema.ts';

export type JobRow = typeof jobs.$inferSelect;

export function toJobRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    projectId: row.projectId,
    kind: row.kind as JobKind,
    status: row.status as JobStatus,
    input: row.input,
    progress: { percent: row.progress.percent ?? 0, stage: optional(row.progress.stage) },
    summary: optional(row.summary),
    errors: row.errors,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    idempotencyKey: optional(row.idempotencyKey),
    cancelRequested: row.cancelRequested,
    workerId: optional(row.workerId),
    leaseUntil: optional(row.leaseUntil),
    createdAt: row.createdAt,
    startedAt: optional(row.startedAt),
    finishedAt: optional(row.finishedAt),
  };
}
