/**
 * Why a handler's `signal` aborted, as `signal.reason`. A cancelled job should be finished as
 * cancelled; a job stopped by a shutdown should be left unfinished so that it runs again (the
 * next start of the in-process queue, or another BullMQ worker, picks it up).
 */
export class JobCancelledError extends Error {
  constructor(readonly jobId: string) {
    super(`Job ${jobId} was cancelled.`);
    this.name = 'JobCancelledError';
  }
}

export class WorkerShutdownError extends Error {
  constructor() {
    super('The worker is shutting down; the job will run again.');
    this.name = 'WorkerShutdownError';
  }
}

export function isShutdownAbort(signal: AbortSignal): boolean {
  return signal.aborted && signal.reason instanceof WorkerShutdownError;
}

export function isCancelAbort(signal: AbortSignal): boolean {
  return signal.aborted && signal.reason instanceof JobCancelledError;
}
