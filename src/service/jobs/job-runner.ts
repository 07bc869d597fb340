import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isRetryableError } from '../../core/errors.ts';
import { secretScrubber } from '../../core/secret-values.ts';
import type { TestDraft } from './executor.ts';
import type { JobRecord, JobStatus } from './job.ts';
import { toJobError } from './job-error.ts';
import { jobTimeoutError } from './job-limits.ts';
import { RetryableJobError, type JobHandler, type JobHandlerContext } from './job-queue.ts';
import { stageExportSource } from './export-sources.ts';
import { deleteJobSecrets, jobSecretValues, readJobSecrets } from './job-secrets.ts';
import { inputNamer, namedDeep, namedError, namedEvent } from './input-names.ts';
import { createPublisher, type Publisher } from './job-publisher.ts';
import { storeResults } from './job-results.ts';
import type { JobRunnerOptions } from './job-runner-options.ts';

export type { JobObserver, JobRunnerOptions, RunnerLogger } from './job-runner-options.ts';
import { storable } from './storable-json.ts';
import type { ModelUsage } from '../../core/model-client.ts';
import { sumUsage } from '../../pipeline/model-usage.ts';
import { readProjectModel } from './project-model.ts';

export const DEFAULT_LEASE_MS = 30_000;
/**
 * The worker side of a job, whatever queue delivered it: claim it in the store (so two workers
 * never run it), keep the lease alive, run the executor with events going to the store and the
 * bus, store tests, artifacts and the report, and finish it. Safe to run again after a crash:
 * everything it writes is replaced or keyed by job.
 */
export function createJobHandler(options: JobRunnerOptions): JobHandler {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  return async (jobId, context) => {
    const job = await options.stores.jobs.claim(jobId, context.workerId, leaseMs);
    if (!job) return; // finished, cancelled, or running elsewhere with a live lease
    const run = () => runClaimed(options, job, context, leaseMs);
    await (options.observer?.around ? options.observer.around(job, context.traceparent, run) : run());
  };
}

async function runClaimed(
  options: JobRunnerOptions,
  job: JobRecord,
  context: JobHandlerContext,
  leaseMs: number,
): Promise<void> {
  const { stores } = options;
  const started = performance.now();
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort(context.signal.reason);
  context.signal.addEventListener('abort', onOuterAbort, { once: true });
  // Target headers and secret variables are masked by value in whatever the job logs,
  // publishes and stores, whatever their names; read first thing in the job (below).
  let scrubber = secretScrubber([]);
  let releaseSecrets: (() => void) | undefined;
  const publisher = createPublisher(options, job, (event) => scrubber.scrubDeep(event));
  const renewal = setInterval(
    () => {
      void renewOrAbort(options, job, context.workerId, leaseMs, abort);
    },
    Math.max(1_000, Math.floor(leaseMs / 3)),
  );
  renewal.unref();
  const timeout = startTimeout(options, job, abort);
  const workDir = join(options.dataDir, 'jobs', job.id);
  const names = inputNamer({ dataDir: options.dataDir, jobId: job.id, input: job.input });
  options.observer?.started?.(job);
  options.logger?.info({ job_id: job.id, kind: job.kind, attempt: job.attempts }, 'job started');
  let tests: TestDraft[] = [];
  const modelCalls: ModelUsage[] = [];
  try {
    if (job.cancelRequested) throw new JobCancelled();
    const secrets = await readJobSecrets(stores.secrets, job);
    const model = await readProjectModel(stores, job.projectId);
    const secretValues = [...jobSecretValues(secrets), ...(model?.apiKey ? [model.apiKey] : [])];
    scrubber = secretScrubber(secretValues);
    releaseSecrets = options.knownSecrets?.hold(secretValues);
    publisher.emit({ type: 'status', status: 'running' });
    await rm(workDir, { recursive: true, force: true });
    const inputDir = join(workDir, 'input');
    const outputDir = join(workDir, 'output');
    await mkdir(inputDir, { recursive: true });
    await mkdir(outputDir, { recursive: true });
    await stageExportSource(stores, job, inputDir);
    const executed = await options.executors[job.kind](job.input, {
      job,
      inputDir,
      outputDir,
      events: (event) => {
        // The engine calls its sink synchronously between steps: throwing here stops it there.
        if (abort.signal.aborted) throw abort.signal.reason ?? new JobCancelled();
        if (event.type === 'model-call') modelCalls.push(event.usage);
        publisher.emit(namedEvent(event, names));
        publisher.track(event);
        options.observer?.event?.(job, event);
      },
      signal: abort.signal,
      secrets,
      guard: options.guard,
      trustedOrigins: options.trustedOrigins ?? [],
      ...(model ? { model } : {}),
    });
    if (abort.signal.aborted) throw abort.signal.reason ?? new JobCancelled();
    clearTimeout(timeout);
    const result = namedDeep(scrubber.scrubDeep(executed), names);
    tests = result.tests;
    await storeResults(options, job, result, outputDir, scrubber);
    await removeWorkDir(options, job, workDir);
    const summary = storable({
      ...result.summary,
      tests_recorded: result.tests.length,
      errors: result.errors.length,
    });
    const errors = storable(result.errors.map((error) => namedError(error, names)));
    await stores.jobs.setProgress(job.id, { percent: 100, stage: undefined });
    const finished = await stores.jobs.finish(job.id, context.workerId, {
      status: 'completed',
      summary,
      errors,
    });
    if (finished) {
      // Only a failed or cancelled job can be retried: a completed one needs its credentials no more.
      await deleteJobSecrets(stores.secrets, job);
      publisher.emit({ type: 'progress', percent: 100, stage: undefined });
      publisher.emit({ type: 'status', status: 'completed', summary, errors });
    }
    await publisher.flush();
    observeEnd(options, job, 'completed', started, tests);
  } catch (error) {
    // Before the job is seen failed or cancelled: a retry starts from an empty folder anyway.
    await removeWorkDir(options, job, workDir);
    await publisher.flush();
    await settleFailure(options, job, context, scrubber.scrubError(error), publisher, started, tests);
  } finally {
    await recordModelUsage(options, job, modelCalls);
    releaseSecrets?.();
    clearInterval(renewal);
    clearTimeout(timeout);
    context.signal.removeEventListener('abort', onOuterAbort);
  }
}

/** The attempt's model calls count for its project, failed attempts included (see ModelUsageStore). */
async function recordModelUsage(options: JobRunnerOptions, job: JobRecord, calls: ModelUsage[]) {
  if (calls.length === 0) return;
  await options.stores.modelUsage
    .record({ projectId: job.projectId, jobId: job.id, attempt: job.attempts, totals: sumUsage(calls) })
    .catch((error: unknown) =>
      options.logger?.warn({ job_id: job.id, err: error }, 'could not record the model usage'),
    );
}

/** The job's folder goes once its artifacts are stored, and after a failed or cancelled attempt. */
async function removeWorkDir(options: JobRunnerOptions, job: JobRecord, workDir: string): Promise<void> {
  await rm(workDir, { recursive: true, force: true }).catch((error: unknown) =>
    options.logger?.warn({ job_id: job.id, err: error }, 'could not remove the job folder'),
  );
}

/** Aborts the attempt with TESTOPS_JOB_TIMEOUT once its kind's limit has passed. */
function startTimeout(
  options: JobRunnerOptions,
  job: JobRecord,
  abort: AbortController,
): NodeJS.Timeout | undefined {
  const limitMs = options.timeoutsMs?.[job.kind];
  if (!limitMs) return undefined;
  const timer = setTimeout(() => abort.abort(jobTimeoutError(job, limitMs)), limitMs);
  timer.unref();
  return timer;
}

async function settleFailure(
  options: JobRunnerOptions,
  job: JobRecord,
  context: JobHandlerContext,
  error: unknown,
  publisher: Publisher,
  started: number,
  tests: TestDraft[],
): Promise<void> {
  const { stores } = options;
  const current = await stores.jobs.get(job.id);
  if (current?.cancelRequested || error instanceof JobCancelled) {
    if (await stores.jobs.finish(job.id, context.workerId, { status: 'cancelled' })) {
      publisher.emit({ type: 'status', status: 'cancelled' });
      await publisher.flush();
    }
    observeEnd(options, job, 'cancelled', started, tests);
    return;
  }
  // The submitter sees what they sent ("inline spec"), never this server's folders.
  const names = inputNamer({ dataDir: options.dataDir, jobId: job.id, input: job.input });
  const jobError = storable(namedError(toJobError(error), names));
  if (context.signal.aborted) {
    // The worker is shutting down, not the job failing: hand it back for the next worker.
    await stores.jobs.release(job.id, context.workerId, {
      code: 'TESTOPS_WORKER_STOPPED',
      message: 'the worker stopped while the job ran; it will run again',
    });
    return;
  }
  const retryable = isRetryableError(error);
  if (retryable && job.attempts < job.maxAttempts) {
    options.logger?.warn(
      { job_id: job.id, attempt: job.attempts, code: jobError.code, err: error },
      'job attempt failed; retrying',
    );
    await stores.jobs.release(job.id, context.workerId, jobError);
    throw new RetryableJobError(jobError.message, { cause: error });
  }
  if (retryable)
    jobError.message += `\nThe job failed in its last attempt (${job.attempts} of ${job.maxAttempts}).`;
  // The error itself, not only its code: an unexpected one (a bug) needs its stack.
  options.logger?.error({ job_id: job.id, code: jobError.code, err: error }, 'job failed');
  if (await stores.jobs.finish(job.id, context.workerId, { status: 'failed', errors: [jobError] })) {
    publisher.emit({ type: 'status', status: 'failed', errors: [jobError] });
    await publisher.flush();
  }
  observeEnd(options, job, 'failed', started, tests, jobError.code);
}

/**
 * An attempt the job lost as a whole — its thread ran past the kind's limit or died — counts
 * like a crashed worker: it runs again while attempts remain, then fails with the reason.
 */
function observeEnd(
  options: JobRunnerOptions,
  job: JobRecord,
  status: JobStatus,
  started: number,
  tests: TestDraft[],
  errorCode?: string,
): void {
  const durationMs = Math.round(performance.now() - started);
  options.logger?.info({ job_id: job.id, kind: job.kind, status, duration_ms: durationMs }, 'job finished');
  options.observer?.finished?.(job, { status, durationMs, tests, ...(errorCode ? { errorCode } : {}) });
}

async function renewOrAbort(
  options: JobRunnerOptions,
  job: JobRecord,
  workerId: string,
  leaseMs: number,
  abort: AbortController,
): Promise<void> {
  try {
    // False as well when a cancel was requested (JobStore.renewLease): no need to read the row,
    // which holds the whole input (megabytes, parsed on this event loop).
    if (!(await options.stores.jobs.renewLease(job.id, workerId, leaseMs))) abort.abort(new JobCancelled());
  } catch (error) {
    options.logger?.warn({ job_id: job.id, err: error }, 'could not renew the job lease');
  }
}

class JobCancelled extends Error {
  constructor() {
    super('the job was cancelled');
    this.name = 'JobCancelled';
  }
}
