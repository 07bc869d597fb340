import type { PipelineEvent } from '../../core/events.ts';
import { EXPECTED_STAGES } from './executor.ts';
import type { JobEvent, JobRecord } from './job.ts';
import type { JobRunnerOptions } from './job-runner-options.ts';
import { storable } from './storable-json.ts';

export interface Publisher {
  emit(event: JobEvent): void;
  track(event: PipelineEvent): void;
  flush(): Promise<void>;
}

/**
 * Events are stored in order (their seq is the SSE id), then published for live listeners. A
 * write that fails does not stop the job, but is logged (the first, with its stack) and counted.
 */
export function createPublisher(
  options: JobRunnerOptions,
  job: JobRecord,
  scrub: (event: JobEvent) => JobEvent,
): Publisher {
  let chain: Promise<void> = Promise.resolve();
  let failures = 0;
  let stagesDone = 0;
  const expected = EXPECTED_STAGES[job.kind];
  const failed = (what: 'event' | 'progress', error: unknown) => {
    failures += 1;
    options.observer?.writeFailed?.(job, what);
    if (failures === 1)
      options.logger?.warn({ job_id: job.id, what, err: error }, `could not store a job ${what}`);
  };
  const emit = (event: JobEvent) => {
    chain = chain.then(async () => {
      try {
        const stored = await options.stores.jobs.appendEvent(job.id, storable(scrub(event)));
        await options.bus.publish(stored);
      } catch (error) {
        failed('event', error);
      }
    });
  };
  return {
    emit,
    track(event) {
      if (event.type !== 'stage-end') return;
      stagesDone += 1;
      const percent = Math.min(95, Math.round((stagesDone / expected) * 100));
      const progress = { percent, stage: event.stage };
      chain = chain.then(() =>
        options.stores.jobs
          .setProgress(job.id, progress)
          .catch((error: unknown) => failed('progress', error)),
      );
      emit({ type: 'progress', ...progress });
    },
    async flush() {
      await chain;
      if (failures > 1)
        options.logger?.warn(
          { job_id: job.id, failures },
          `${failures} job events or progress updates were not stored`,
        );
      failures = 0;
    },
  };
}
