import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { Attributes, Context, Span, SpanKind } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** The instrumentation scope of every span the service creates itself. */
export const TRACER_NAME = 'testops-service';

// Our own propagator rather than the global one: a traceparent must travel into job data and back
// out in a worker whatever the process registered (and is simply absent when nothing traces).
const w3c = new W3CTraceContextPropagator();

/**
 * Runs `fn` inside a new span (a child of the active one). A thrown error is recorded on the span,
 * which is marked as failed, and rethrown; the span always ends.
 */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T> | T,
  options: { kind?: SpanKind } = {},
): Promise<T> {
  const tracer = trace.getTracer(TRACER_NAME);
  return tracer.startActiveSpan(name, { attributes, ...options }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : String(error),
      });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The W3C `traceparent` of the active span, to store with an enqueued job; undefined when nothing traces. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  w3c.inject(context.active(), carrier, defaultTextMapSetter);
  return carrier['traceparent'];
}

/**
 * Runs `fn` as a continuation of the trace a `traceparent` names (one that travelled in job
 * data), so spans a worker starts inside join the request's trace. A missing or malformed
 * traceparent runs `fn` in the current context: a job must run whatever its trace metadata says.
 */
export function withRemoteParent<T>(traceparent: string | undefined, fn: () => T): T {
  if (!traceparent) return fn();
  const remote = w3c.extract(ROOT_CONTEXT, { traceparent }, defaultTextMapGetter);
  if (!trace.getSpanContext(remote)) return fn();
  return context.with(remote, fn);
}

/** The trace context of incoming request headers (`traceparent`, `tracestate`); the root context when absent. */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  return w3c.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}
