import { context, propagation, trace } from '@opentelemetry/api';
import type { Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { TRACER_NAME } from './spans.ts';

export { currentTraceparent, withRemoteParent, withSpan } from './spans.ts';

export interface TracingOptions {
  serviceName: string;
  serviceVersion?: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL; spans go to `<endpoint>/v1/traces`. */
  endpoint?: string;
  /**
   * Record spans even with nowhere to send them, so logs still carry trace ids and jobs still
   * continue their request's trace. Defaults to "only when there is an endpoint".
   */
  enabled?: boolean;
  /** Another exporter (tests use an in-memory one); spans are handed to it one by one. */
  exporter?: SpanExporter;
}

export interface Tracing {
  /** False for the no-op set-up: nothing recorded, nothing exported. */
  readonly enabled: boolean;
  readonly tracer: Tracer;
  /** Sends what is buffered now (a worker before it reports a job done, tests). */
  forceFlush(): Promise<void>;
  /** Flushes, stops exporting and unregisters everything `startTracing` registered globally. */
  shutdown(): Promise<void>;
}

/** Bounds how long a flush may hold up a shutdown when the collector is gone. */
const EXPORT_TIMEOUT_MS = 5_000;

let active = false;

/**
 * Sets up tracing for this process: a tracer provider with the service's resource, the
 * AsyncLocalStorage context manager, the W3C trace-context propagator, and client spans (with a
 * propagated `traceparent`) for every outgoing `fetch`. The undici instrumentation listens on
 * diagnostics_channel, so it needs no module patching and works under ESM.
 *
 * OpenTelemetry's registrations are process-wide, so only one set-up may be live at a time.
 */
export function startTracing(options: TracingOptions): Tracing {
  const endpoint = options.endpoint?.trim() || undefined;
  const enabled = options.enabled ?? (endpoint !== undefined || options.exporter !== undefined);
  if (!enabled) return noopTracing();
  if (active) throw new Error('startTracing: tracing is already running in this process; shut it down first');
  active = true;

  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: options.serviceName,
        ...(options.serviceVersion ? { [ATTR_SERVICE_VERSION]: options.serviceVersion } : {}),
      }),
    ),
    spanProcessors: spanProcessors(endpoint, options.exporter),
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const unregisterInstrumentations = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new UndiciInstrumentation()],
  });

  let stopped: Promise<void> | undefined;
  return {
    enabled: true,
    tracer: provider.getTracer(TRACER_NAME),
    forceFlush: () => provider.forceFlush(),
    shutdown() {
      stopped ??= (async () => {
        unregisterInstrumentations();
        try {
          await provider.shutdown();
        } finally {
          // Hand the globals back so a later startTracing (tests, a restarted worker) can register.
          trace.disable();
          context.disable();
          propagation.disable();
          active = false;
        }
      })();
      return stopped;
    },
  };
}

function spanProcessors(endpoint: string | undefined, exporter: SpanExporter | undefined): SpanProcessor[] {
  const processors: SpanProcessor[] = [];
  if (endpoint) {
    const otlp = new OTLPTraceExporter({
      url: `${endpoint.replace(/\/+$/, '')}/v1/traces`,
      timeoutMillis: EXPORT_TIMEOUT_MS,
    });
    // Batching keeps exporting off the request path; spans leave every few seconds or on flush.
    processors.push(new BatchSpanProcessor(otlp, { exportTimeoutMillis: EXPORT_TIMEOUT_MS }));
  }
  if (exporter) processors.push(new SimpleSpanProcessor(exporter));
  return processors;
}

function noopTracing(): Tracing {
  return {
    enabled: false,
    // The API's tracer: no-op spans until some provider is registered.
    tracer: trace.getTracer(TRACER_NAME),
    forceFlush: async () => {},
    shutdown: async () => {},
  };
}
