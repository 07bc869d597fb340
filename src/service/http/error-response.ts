import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TestopsError, type TestopsErrorCode } from '../../core/errors.ts';
import { bodyParseError } from './body-parse-errors.ts';

/** The one error shape of the HTTP API: a stable code, a message that says how to fix, the request id. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    request_id: z.string(),
    details: z.array(z.object({ where: z.string(), problem: z.string() })).optional(),
  }),
});

/** One problem of a request: `where` is the field path (`body.files.2.content`). */
export interface ErrorDetail {
  where: string;
  problem: string;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const statusOfCode: Partial<Record<TestopsErrorCode, number>> = {
  TESTOPS_URL_REFUSED: 422,
  TESTOPS_SOURCE_NOT_FOUND: 404,
  TESTOPS_SOURCE_TOO_LARGE: 413,
};

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
  details?: ErrorDetail[],
): FastifyReply {
  return reply
    .code(status)
    .type('application/json')
    .send({ error: { code, message, request_id: String(request.id), ...(details ? { details } : {}) } });
}

/**
 * Errors the router raises before any route or error handler runs (a URL it cannot decode, a path
 * parameter over its length limit): Fastify answers those in its own shape unless given this.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void sendError(
    reply,
    request,
    error.statusCode ?? 400,
    tooLong ? 'TESTOPS_URL_TOO_LONG' : 'TESTOPS_BAD_URL',
    tooLong
      ? 'a path parameter of the URL is longer than allowed. Expected ids as returned by the API (see /docs).'
      : 'the URL cannot be decoded. Expected a path with valid percent-encoding (see /docs).',
  );
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        where: `${error.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.')}`,
        problem: issue.message ?? 'invalid',
      }));
      return sendError(
        reply,
        request,
        400,
        'TESTOPS_INVALID_REQUEST',
        `the request does not match the API contract: ${details.map((d) => `${d.where}: ${d.problem}`).join('; ')}. See /docs for the expected shape.`,
        details,
      );
    }
    if (error instanceof HttpError)
      return sendError(reply, request, error.statusCode, error.code, error.message, error.details);
    if (error instanceof TestopsError)
      return sendError(reply, request, statusOfCode[error.code] ?? 400, error.code, error.message);
    if (error.statusCode === 429)
      return sendError(
        reply,
        request,
        429,
        'TESTOPS_RATE_LIMITED',
        `${error.message} Slow down, or ask for a higher TESTOPS_RATE_LIMIT.`,
      );
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(
        reply,
        request,
        413,
        'TESTOPS_REQUEST_TOO_LARGE',
        'the request body is larger than allowed: send large specs by URL (openapi_url), or raise TESTOPS_BODY_LIMIT.',
      );
    const unparsable = bodyParseError(error);
    if (unparsable) return sendError(reply, request, unparsable.status, unparsable.code, unparsable.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return sendError(reply, request, error.statusCode, 'TESTOPS_BAD_REQUEST', error.message);
    request.log.error({ err: error }, 'request failed');
    return sendError(
      reply,
      request,
      500,
      'TESTOPS_INTERNAL',
      'the server failed to handle the request; the request id is in the logs.',
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      request,
      404,
      'TESTOPS_NOT_FOUND',
      `no route ${request.method} ${request.url.split('?')[0]}; the API is described at /docs.`,
    ),
  );
}
