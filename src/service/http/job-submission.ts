import type { JobKind, JobRecord } from '../jobs/job.ts';
import { refuseTargets } from '../jobs/submission-targets.ts';
import { submitJob } from '../jobs/submit-job.ts';
import type { ServiceContext } from './service-context.ts';

export interface Submission {
  projectId: string;
  kind: JobKind;
  /** Validated against the kind's input schema already. */
  input: Record<string, unknown>;
  idempotencyKey?: string | undefined;
  actor: string;
}

/**
 * The one path from a request to a queued job, for the HTTP API and the copilot alike: targets
 * judged by the SSRF guard, the job stored and enqueued with the caller's trace, counted.
 */
export async function submitFromService(
  context: ServiceContext,
  submission: Submission,
): Promise<{ job: JobRecord; created: boolean }> {
  await refuseTargets(submission.kind, submission.input, {
    guard: { allowPrivate: context.config.allowPrivateTargets },
    trustedOrigins: context.trustedOrigins ?? [],
  });
  const result = await submitJob(context.stores, context.queue, {
    projectId: submission.projectId,
    kind: submission.kind,
    input: submission.input,
    idempotencyKey: submission.idempotencyKey,
    actor: submission.actor,
    traceparent: context.traceparent(),
  });
  if (result.created) context.metrics?.jobsEnqueued.inc({ kind: submission.kind });
  return result;
}
