import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Context, Span, Tracer } from '@opentelemetry/api';
import {
  ATTR_CLIENT_ADDRESS,
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  FastifyTypeProvider,
  RawServerDefault,
} from 'fastify';
import type { ServiceMetrics } from './metrics.ts';
import { acceptableRequestId, REQUEST_ID_HEADER } from './request-id.ts';
import { contextFromHeaders, TRACER_NAME } from './spans.ts';

export { genRequestId, REQUEST_ID_HEADER, requestIdServerOptions } from './request-id.ts';

export interface HttpObservabilityOptions {
  metrics: ServiceMetrics;
  /** Defaults to the global tracer: no-op spans when tracing is off. */
  tracer?: Tracer;
}

/** The route label of requests no route matched: raw URLs would give every scanner its own series. */
export const UNMATCHED_ROUTE = 'unmatched';

const KNOWN_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'CONNECT',
]);

/** Nginx's code for "the client went away first", so aborted requests still show in the metrics. */
const CLIENT_CLOSED_REQUEST = 499;

interface InFlight {
  span: Span;
  context: Context;
  startedAt: number;
  /** From the error Fastify handled, if any: what `error.type` says should the request fail. */
  errorType?: string;
}

/**
 * Request ids, a server span per request and HTTP metrics, as Fastify hooks on the root instance.
 * Call it right after creating the app, before plugins and routes, so every route gets the hooks
 * and later hooks (authentication, rate limiting) already run inside the request's span.
 */
export function registerHttpObservability<
  Logger extends FastifyBaseLogger,
  TypeProvider extends FastifyTypeProvider,
>(
  app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger, TypeProvider>,
  options: HttpObservabilityOptions,
): void {
  const { metrics } = options;
  const tracer = options.tracer ?? trace.getTracer(TRACER_NAME);
  // Keyed by the request object, which Fastify keeps for the whole exchange.
  const inFlight = new WeakMap<object, InFlight>();

  app.addHook('onRequest', (request, reply, done) => {
    // request.id is already the caller's id when the app was built with requestIdServerOptions.
    const requestId = acceptableRequestId(request.headers[REQUEST_ID_HEADER]) ?? request.id;
    reply.header(REQUEST_ID_HEADER, requestId);

    const method = methodLabel(request.method);
    const route = request.routeOptions.url;
    const parent = contextFromHeaders(request.headers);
    const span = tracer.startSpan(
      route ? `${method} ${route}` : method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: method,
          [ATTR_URL_PATH]: request.url.split('?', 1)[0],
          [ATTR_URL_SCHEME]: request.protocol,
          [ATTR_SERVER_ADDRESS]: request.hostname,
          ...(request.port ? { [ATTR_SERVER_PORT]: request.port } : {}),
          [ATTR_CLIENT_ADDRESS]: request.ip,
          [ATTR_NETWORK_PROTOCOL_VERSION]: request.raw.httpVersion,
          ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}),
          ...(request.headers['user-agent']
            ? { [ATTR_USER_AGENT_ORIGINAL]: request.headers['user-agent'] }
            : {}),
          [`http.request.header.${REQUEST_ID_HEADER}`]: [requestId],
        },
      },
      parent,
    );
    const spanContext = trace.setSpan(parent, span);
    inFlight.set(request, { span, context: spanContext, startedAt: performance.now() });
    // The following hooks (and a body-less request's handler) run inside the span.
    context.with(spanContext, done);
  });

  // Node carries the context through Fastify's own body parsing (tested with a chunked body over a
  // socket); re-entering here keeps validation, pre-handlers (authentication) and the handler in
  // the span should a content-type parser resume on another async path.
  app.addHook('preValidation', (request, _reply, done) => {
    const entry = inFlight.get(request);
    if (entry) context.with(entry.context, done);
    else done();
  });

  app.addHook('onError', (request, _reply, error, done) => {
    const entry = inFlight.get(request);
    if (entry) {
      entry.span.recordException(error);
      entry.errorType = error.code ?? error.name;
    }
    done();
  });

  const finish = (
    request: Pick<FastifyRequest, 'method' | 'routeOptions'>,
    status: number,
    seconds: number,
    failure?: { type: string; message: string },
  ) => {
    const entry = inFlight.get(request);
    // Whichever of onResponse and onRequestAbort comes first records the request, once.
    if (!entry) return;
    inFlight.delete(request);
    const method = methodLabel(request.method);
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    metrics.httpRequests.inc({ method, route, status: String(status) });
    metrics.httpRequestDuration.observe({ method, route }, seconds);
    const { span } = entry;
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
    // Server spans fail on 5xx (or an abort) only: a 4xx is the client's error, answered correctly.
    if (failure || status >= 500) {
      span.setStatus({ code: SpanStatusCode.ERROR, ...(failure ? { message: failure.message } : {}) });
      span.setAttribute(ATTR_ERROR_TYPE, failure?.type ?? entry.errorType ?? String(status));
    }
    span.end();
  };

  app.addHook('onResponse', (request, reply, done) => {
    finish(request, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  app.addHook('onRequestAbort', (request, done) => {
    const entry = inFlight.get(request);
    if (entry) {
      const seconds = (performance.now() - entry.startedAt) / 1000;
      finish(request, CLIENT_CLOSED_REQUEST, seconds, {
        type: 'aborted',
        message: 'client closed the connection',
      });
    }
    done();
  });
}

function methodLabel(method: string): string {
  return KNOWN_METHODS.has(method) ? method : '_OTHER';
}
