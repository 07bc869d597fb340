import { SpanKind, trace, type Span } from '@opentelemetry/api';
import type { JobObserver } from './jobs/job-runner.ts';
import type { ServiceMetrics } from './observability/metrics.ts';
import { recordModelCall } from './observability/llm-metrics.ts';
import { TRACER_NAME, withRemoteParent, withSpan } from './observability/spans.ts';

/**
 * Jobs as metrics and traces: a consumer span per job that continues the trace of the request
 * that submitted it (the traceparent travelled with the queue message), so HTTP → queue → worker
 * → engine stages → outgoing HTTP is one trace.
 */
export function createJobObserver(metrics: ServiceMetrics): JobObserver {
  // Open stage spans per job, innermost last: the engine reports (possibly nested) stages as
  // start/end events.
  const stages = new Map<string, Span[]>();
  return {
    event(job, event) {
      if (event.type === 'stage-start') {
        // Started in the active context: the job's span, since the engine runs inside `around`.
        const span = trace
          .getTracer(TRACER_NAME)
          .startSpan(`stage ${event.stage}`, { attributes: { 'testops.job.id': job.id } });
        stages.set(job.id, [...(stages.get(job.id) ?? []), span]);
      } else if (event.type === 'stage-end') {
        stages.get(job.id)?.pop()?.setAttribute('testops.stage.duration_ms', event.durationMs).end();
      } else if (event.type === 'model-call') {
        recordModelCall(metrics, event.usage);
      }
    },
    writeFailed(job, what) {
      metrics.jobWriteFailures.inc({ kind: job.kind, what });
    },
    started(job) {
      metrics.jobsRunning.inc({ kind: job.kind });
    },
    finished(job, outcome) {
      for (const span of stages.get(job.id) ?? []) span.end();
      stages.delete(job.id);
      metrics.jobsRunning.dec({ kind: job.kind });
      metrics.jobDuration.observe({ kind: job.kind, status: outcome.status }, outcome.durationMs / 1000);
      if (outcome.status === 'failed')
        metrics.jobFailures.inc({ kind: job.kind, code: outcome.errorCode ?? 'unknown' });
      for (const test of outcome.tests) {
        metrics.testsGenerated.inc({ kind: test.kind });
        if (test.status === 'delivered') metrics.testsDelivered.inc({ kind: test.kind });
        if (test.status === 'flaky') metrics.testsFlaky.inc({ kind: test.kind });
        if (test.status === 'defect') metrics.suspectedDefects.inc({ kind: test.kind });
      }
    },
    around(job, traceparent, work) {
      return withRemoteParent(traceparent, () =>
        withSpan(
          `job ${job.kind}`,
          {
            'testops.job.id': job.id,
            'testops.job.kind': job.kind,
            'testops.project': job.projectId,
            'testops.job.attempt': job.attempts,
          },
          () => work(),
          { kind: SpanKind.CONSUMER },
        ),
      );
    },
  };
}
