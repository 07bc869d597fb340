import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  registerHttpObservability,
  requestIdServerOptions,
} from '../../../src/service/observability/http-observability.ts';
import { createLogger } from '../../../src/service/observability/logger.ts';
import { createMetrics } from '../../../src/service/observability/metrics.ts';
import type { ServiceMetrics } from '../../../src/service/observability/metrics.ts';
import { startTracing } from '../../../src/service/observability/tracing.ts';
import type { Tracing } from '../../../src/service/observability/tracing.ts';

const INCOMING_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const INCOMING_PARENT = '00f067aa0ba902b7';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('registerHttpObservability', () => {
  let exporter: InMemorySpanExporter;
  let tracing: Tracing;
  let metrics: ServiceMetrics;
  let lines: string[];
  let slowArrived: () => void;
  let slowRelease: Promise<void>;
  let releaseSlow: () => void;

  function buildApp() {
    lines = [];
    const loggerInstance = createLogger({
      level: 'info',
      destination: { write: (line: string) => lines.push(line) },
    });
    const app = Fastify({ loggerInstance, ...requestIdServerOptions });
    registerHttpObservability(app, { metrics, tracer: tracing.tracer });
    app.get<{ Params: { id: string } }>('/api/v1/tasks/:id', async (request) => {
      request.log.info({ taskId: request.params.id }, 'task read');
      return { id: request.params.id, traceId: trace.getActiveSpan()?.spanContext().traceId };
    });
    app.post('/api/v1/tasks', async (request, reply) => {
      request.log.info('task created');
      return reply
        .code(201)
        .send({ traceId: trace.getActiveSpan()?.spanContext().traceId, body: request.body });
    });
    app.get('/api/v1/boom', async () => {
      throw new Error('exploded');
    });
    app.get('/api/v1/slow', async () => {
      slowArrived();
      await slowRelease;
      return { late: true };
    });
    return app;
  }

  beforeEach(() => {
    slowArrived = () => {};
    slowRelease = new Promise((resolve) => (releaseSlow = resolve));
    exporter = new InMemorySpanExporter();
    tracing = startTracing({ serviceName: 'http-test', exporter });
    metrics = createMetrics({ defaultMetrics: false });
  });
  afterEach(async () => {
    await tracing.shutdown();
  });

  it('echoes an acceptable x-request-id and labels metrics and the span with the route pattern', async () => {
    const app = buildApp();
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/tasks/42?verbose=1',
      headers: { 'x-request-id': 'req-abc.123', traceparent: `00-${INCOMING_TRACE}-${INCOMING_PARENT}-01` },
    });
    await app.close();

    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toBe('req-abc.123');
    // The handler ran inside the server span, which continued the caller's trace.
    expect(response.json()).toEqual({ id: '42', traceId: INCOMING_TRACE });

    const text = await metrics.text();
    expect(text).toContain(
      'testops_http_requests_total{method="GET",route="/api/v1/tasks/:id",status="200"} 1',
    );
    expect(text).toContain(
      'testops_http_request_duration_seconds_count{method="GET",route="/api/v1/tasks/:id"} 1',
    );
    expect(text).not.toContain('/api/v1/tasks/42');

    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe('GET /api/v1/tasks/:id');
    expect(span?.spanContext().traceId).toBe(INCOMING_TRACE);
    expect(span?.parentSpanContext?.spanId).toBe(INCOMING_PARENT);
    expect(span?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/api/v1/tasks/:id',
      'url.path': '/api/v1/tasks/42',
      'http.response.status_code': 200,
    });

    // Request logs carry the request id and the trace they belong to.
    const taskRead = lines.map((line) => JSON.parse(line)).find((record) => record.msg === 'task read');
    expect(taskRead).toMatchObject({
      reqId: 'req-abc.123',
      trace_id: INCOMING_TRACE,
      span_id: span?.spanContext().spanId,
    });
  });

  it('replaces a missing or unacceptable request id with a generated one', async () => {
    const app = buildApp();
    const missing = await app.inject({ method: 'GET', url: '/api/v1/tasks/1' });
    const forged = await app.inject({
      method: 'GET',
      url: '/api/v1/tasks/1',
      headers: { 'x-request-id': 'evil id\twith spaces' },
    });
    const tooLong = await app.inject({
      method: 'GET',
      url: '/api/v1/tasks/1',
      headers: { 'x-request-id': 'a'.repeat(200) },
    });
    await app.close();
    for (const response of [missing, forged, tooLong]) expect(response.headers['x-request-id']).toMatch(UUID);
    expect(new Set([missing, forged, tooLong].map((response) => response.headers['x-request-id'])).size).toBe(
      3,
    );
  });

  it('keeps the span active in handlers of requests with a body, and bounds the route label of unknown URLs', async () => {
    const app = buildApp();
    const created = await app.inject({ method: 'POST', url: '/api/v1/tasks', payload: { name: 'x' } });
    const unknown = await app.inject({ method: 'GET', url: '/wp-admin/setup.php' });
    const failed = await app.inject({ method: 'GET', url: '/api/v1/boom' });
    await app.close();

    expect(created.statusCode).toBe(201);
    const spans = exporter.getFinishedSpans();
    const post = spans.find((span) => span.name === 'POST /api/v1/tasks');
    expect(created.json()).toEqual({ traceId: post?.spanContext().traceId, body: { name: 'x' } });
    const createdLog = lines.map((line) => JSON.parse(line)).find((record) => record.msg === 'task created');
    expect(createdLog?.trace_id).toBe(post?.spanContext().traceId);

    expect(unknown.statusCode).toBe(404);
    const text = await metrics.text();
    expect(text).toContain('testops_http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).not.toContain('wp-admin');
    expect(spans.find((span) => span.attributes['url.path'] === '/wp-admin/setup.php')?.name).toBe('GET');

    expect(failed.statusCode).toBe(500);
    const boom = spans.find((span) => span.name === 'GET /api/v1/boom');
    expect(boom?.status.code).toBe(2);
    expect(boom?.attributes['error.type']).toBe('Error');
    expect(boom?.events.some((event) => event.name === 'exception')).toBe(true);
    expect(text).toContain('testops_http_requests_total{method="GET",route="/api/v1/boom",status="500"} 1');
  });

  it('works over a real socket too', async () => {
    const app = buildApp();
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/tasks/7`, {
        headers: { 'x-request-id': 'socket-1' },
      });
      expect(response.headers.get('x-request-id')).toBe('socket-1');
      expect(await response.json()).toMatchObject({ id: '7' });
      // A body arrives in chunks on the socket's async path; the handler must still be in the span.
      const created = await fetch(`http://127.0.0.1:${port}/api/v1/tasks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'y'.repeat(200_000) }),
      });
      const { traceId } = (await created.json()) as { traceId?: string };
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(traceId).not.toBe('0'.repeat(32));
    } finally {
      await app.close();
    }
    const post = exporter.getFinishedSpans().find((span) => span.name === 'POST /api/v1/tasks');
    expect(post?.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    const server = exporter.getFinishedSpans().find((span) => span.name === 'GET /api/v1/tasks/:id');
    const client = exporter.getFinishedSpans().find((span) => span.name === 'GET' && span.kind === 2);
    // The outgoing fetch was traced as a client span, and the server continued that trace.
    expect(client).toBeDefined();
    expect(server?.spanContext().traceId).toBe(client?.spanContext().traceId);
    expect(server?.parentSpanContext?.spanId).toBe(client?.spanContext().spanId);
  });

  it('records a request the client abandoned once, as 499, with a failed span', async () => {
    const app = buildApp();
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const arrived = new Promise<void>((resolve) => (slowArrived = resolve));
      const abort = new AbortController();
      const request = fetch(`http://127.0.0.1:${port}/api/v1/slow`, { signal: abort.signal });
      await arrived;
      abort.abort();
      await expect(request).rejects.toThrow();
      const aborted = await waitFor(() =>
        exporter.getFinishedSpans().find((span) => span.name === 'GET /api/v1/slow'),
      );
      releaseSlow();
      await new Promise((resolve) => setTimeout(resolve, 50)); // the handler's late answer
      expect(aborted.status.code).toBe(2);
      expect(aborted.attributes).toMatchObject({ 'error.type': 'aborted', 'http.response.status_code': 499 });
      const text = await metrics.text();
      expect(text).toContain('testops_http_requests_total{method="GET",route="/api/v1/slow",status="499"} 1');
      expect(text).not.toContain('route="/api/v1/slow",status="200"');
      expect(exporter.getFinishedSpans().filter((span) => span.name === 'GET /api/v1/slow')).toHaveLength(1);
    } finally {
      releaseSlow();
      app.server.closeAllConnections(); // the abandoned socket would hold close() for seconds
      await app.close();
    }
  });
});

/** Polls (bounded: 5 s) until `find` returns something. */
async function waitFor<T>(find: () => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out waiting');
}
