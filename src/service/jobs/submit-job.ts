import type { Stores } from '../store/stores.ts';
import { saveJobSecrets, splitJobSecrets } from './job-secrets.ts';
import type { JobKind, JobRecord } from './job.ts';
import type { JobQueue } from './job-queue.ts';

export interface SubmitJobRequest {
  projectId: string;
  kind: JobKind;
  /** The validated body. Target headers and secret variables are moved to the secret store before the job is stored. */
  input: Record<string, unknown>;
  idempotencyKey: string | undefined;
  actor: string;
  traceparent: string | undefined;
}

export const DEFAULT_ATTEMPTS = 3;

/**
 * Creates the job row, keeps its secrets encrypted aside, and enqueues it. With an idempotency
 * key already used in the project, returns the existing job and enqueues nothing.
 */
export async function submitJob(
  stores: Stores,
  queue: JobQueue,
  request: SubmitJobRequest,
): Promise<{ job: JobRecord; created: boolean }> {
  // Storing the job creates its project on first use.
  const { input, secrets } = splitJobSecrets(request.input);
  const { job, created } = await stores.jobs.create({
    projectId: request.projectId,
    kind: request.kind,
    input,
    maxAttempts: DEFAULT_ATTEMPTS,
    ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
  });
  if (!created) return { job, created };
  await saveJobSecrets(stores.secrets, job, secrets);
  // Independent writes: the job row already exists, so the order of these two does not matter.
  await Promise.all([
    queue.enqueue(job.id, {
      idempotencyKey: job.id,
      attempts: job.maxAttempts,
      fresh: true,
      ...(request.traceparent ? { traceparent: request.traceparent } : {}),
    }),
    stores.audit.record({
      actor: request.actor,
      action: `job.submit.${request.kind}`,
      projectId: job.projectId,
      target: job.id,
      detail: { idempotency_key: request.idempotencyKey ?? null },
    }),
  ]);
  return { job, created };
}

/** Re-enqueues a failed or cancelled job (a new queue id: the queue may still remember the old one). */
export async function retryJob(
  stores: Stores,
  queue: JobQueue,
  id: string,
  actor: string,
  traceparent: string | undefined,
): Promise<JobRecord | undefined> {
  const job = await stores.jobs.retry(id);
  if (!job) return undefined;
  await queue.enqueue(job.id, {
    idempotencyKey: `${job.id}:retry:${Date.now()}`,
    attempts: job.maxAttempts,
    ...(traceparent ? { traceparent } : {}),
  });
  await stores.audit.record({
    actor,
    action: 'job.retry',
    projectId: job.projectId,
    target: job.id,
    detail: {},
  });
  return job;
}
