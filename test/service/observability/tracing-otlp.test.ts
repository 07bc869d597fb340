import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTracing, withSpan } from '../../../src/service/observability/tracing.ts';
import type { Tracing } from '../../../src/service/observability/tracing.ts';
import { OtlpReceiver } from './otlp-receiver.ts';

const SPAN_KIND_CLIENT = 3;

/** The "other service" an outgoing fetch reaches: records the headers it was sent. */
async function startDownstream(): Promise<{ url: string; seen: IncomingHttpHeaders[]; server: Server }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    seen.push(request.headers);
    response.writeHead(200, { 'content-type': 'text/plain' }).end('pong');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping`, seen, server };
}

describe('startTracing with an OTLP endpoint', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('exports a parent span and the client span of an outgoing fetch, whose traceparent carried the same trace', async () => {
    const receiver = await OtlpReceiver.start();
    cleanups.push(() => receiver.close());
    const downstream = await startDownstream();
    cleanups.push(async () => {
      downstream.server.closeAllConnections();
      await new Promise<void>((resolve) => downstream.server.close(() => resolve()));
    });
    // A trailing slash must not produce `//v1/traces`.
    const tracing: Tracing = startTracing({
      serviceName: 'testops-api-test',
      endpoint: `${receiver.endpoint}/`,
    });
    cleanups.push(() => tracing.shutdown());
    expect(tracing.enabled).toBe(true);

    const parent = await withSpan('generate api-tests', { 'job.kind': 'api-tests' }, async (span) => {
      const response = await fetch(downstream.url);
      expect(await response.text()).toBe('pong');
      return span.spanContext();
    });
    await tracing.shutdown(); // flushes the batch to the receiver

    expect(receiver.problems).toEqual([]);
    const exportedParent = receiver.spans.find((span) => span.name === 'generate api-tests');
    expect(exportedParent).toMatchObject({
      serviceName: 'testops-api-test',
      traceId: parent.traceId,
      spanId: parent.spanId,
      attributes: { 'job.kind': 'api-tests' },
    });
    const client = receiver.spans.find((span) => span.kind === SPAN_KIND_CLIENT);
    expect(client).toMatchObject({
      name: 'GET',
      traceId: parent.traceId,
      parentSpanId: parent.spanId,
      attributes: {
        'http.request.method': 'GET',
        'url.full': downstream.url,
        'http.response.status_code': 200,
      },
    });

    expect(downstream.seen).toHaveLength(1);
    const traceparent = downstream.seen[0]?.['traceparent'];
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const [, traceId, spanId] = String(traceparent).split('-');
    expect(traceId).toBe(parent.traceId);
    // The downstream's parent is the fetch's client span, not the job span.
    expect(spanId).toBe(client?.spanId);
  });

  it('records a failure on the span and rethrows it', async () => {
    const receiver = await OtlpReceiver.start();
    cleanups.push(() => receiver.close());
    const tracing = startTracing({ serviceName: 'testops-worker-test', endpoint: receiver.endpoint });
    cleanups.push(() => tracing.shutdown());

    await expect(
      withSpan('run suite', {}, async () => {
        throw new Error('runner missing');
      }),
    ).rejects.toThrow('runner missing');
    await tracing.shutdown();

    const span = receiver.spans.find((candidate) => candidate.name === 'run suite');
    expect(span?.status).toMatchObject({ code: 2, message: 'runner missing' });
  });

  it('is a no-op without an endpoint unless asked for, and can be started again after a shutdown', async () => {
    const off = startTracing({ serviceName: 'quiet' });
    expect(off.enabled).toBe(false);
    const traceId = await withSpan('nothing', {}, (span) => span.spanContext().traceId);
    expect(traceId).toBe('00000000000000000000000000000000');
    await off.shutdown();

    const first = startTracing({ serviceName: 'first', enabled: true });
    expect(() => startTracing({ serviceName: 'second', enabled: true })).toThrow(/already running/);
    await first.shutdown();
    const again = startTracing({ serviceName: 'again', enabled: true });
    cleanups.push(() => again.shutdown());
    expect(await withSpan('recorded', {}, (span) => span.isRecording())).toBe(true);
  });
});
