import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TestopsError, type TestopsErrorCode } from '../../core/errors.ts';

/** The one error shape of the HTTP API: a stable code, a message that says how to fix, the request id. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    request_id: z.string(),
    details: z.array(z.object({ where: z.string(), problem: z.string() })).optional(),
  }),
});

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const statusOfCode: Partial<Record<TestopsErrorCode, number>> = {
  TESTOPS_URL_REFUSED: 400,
  TESTOPS_SOURCE_NOT_FOUND: 404,
  TESTOPS_SOURCE_TOO_LARGE: 413,
};

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
  details?: { where: string; problem: string }[],
): FastifyReply {
  return reply
    .code(status)
    .type('application/json')
    .send({ error: { code, message, request_id: String(request.id), ...(details ? { details } : {}) } });
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
      return sendError(reply, request, error.statusCode, error.code, error.message);
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
