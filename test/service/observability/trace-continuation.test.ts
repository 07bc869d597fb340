import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  currentTraceparent,
  startTracing,
  withRemoteParent,
  withSpan,
} from '../../../src/service/observability/tracing.ts';
import type { Tracing } from '../../../src/service/observability/tracing.ts';

describe('a trace that travels with a job', () => {
  let exporter: InMemorySpanExporter;
  let tracing: Tracing;
  beforeEach(() => {
    exporter = new InMemorySpanExporter();
    tracing = startTracing({ serviceName: 'continuation-test', exporter });
  });
  afterEach(() => tracing.shutdown());

  it('continues in the worker from the traceparent stored at enqueue time', async () => {
    expect(currentTraceparent()).toBeUndefined();
    const { traceparent, request } = await withSpan('POST /api/v1/jobs', {}, (span) => ({
      traceparent: currentTraceparent(),
      request: span.spanContext(),
    }));
    expect(traceparent).toBe(`00-${request.traceId}-${request.spanId}-01`);

    // …later, in another process: only the string came along in the job data.
    const job = await withRemoteParent(traceparent, () =>
      withSpan('job api-tests', { 'job.id': 'j1' }, (span) => span.spanContext()),
    );
    expect(job.traceId).toBe(request.traceId);
    const exported = exporter.getFinishedSpans().find((span) => span.name === 'job api-tests');
    expect(exported?.parentSpanContext?.spanId).toBe(request.spanId);
    expect(exported?.parentSpanContext?.isRemote).toBe(true);
  });

  it('runs the job anyway, in a new trace, when the traceparent is missing or malformed', async () => {
    for (const traceparent of [
      undefined,
      'not-a-traceparent',
      '00-00000000000000000000000000000000-0000000000000000-01',
    ]) {
      const result = await withRemoteParent(traceparent, () =>
        withSpan('job', {}, (span) => ({ ran: true, traceId: span.spanContext().traceId })),
      );
      expect(result.ran).toBe(true);
      expect(result.traceId).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
    }
    expect(exporter.getFinishedSpans().every((span) => span.parentSpanContext === undefined)).toBe(true);
  });
});
