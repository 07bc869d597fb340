import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What we accept from a client or proxy as a request id: short, and only characters that cannot
 * split a header or forge a log line. Anything else is replaced, not cleaned up.
 */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's id when it is acceptable, otherwise undefined. */
export function acceptableRequestId(value: string | string[] | undefined): string | undefined {
  const candidate = Array.isArray(value) ? value[0] : value;
  return candidate !== undefined && ACCEPTABLE.test(candidate) ? candidate : undefined;
}

/** Fastify's `genReqId`: keeps an upstream `x-request-id` so one id follows a request across services. */
export function genRequestId(request: IncomingMessage): string {
  return acceptableRequestId(request.headers[REQUEST_ID_HEADER]) ?? randomUUID();
}

/**
 * Spread into `Fastify({...})` so `request.id` (and with it every request log line's `reqId`)
 * is the id `registerHttpObservability` echoes back.
 */
export const requestIdServerOptions = { genReqId: genRequestId } as const;
