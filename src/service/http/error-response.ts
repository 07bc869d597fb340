import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSpec, type TestopsErrorCode } from '../../core/error-catalogue.ts';
import { TestopsError, type ErrorProblem } from '../../core/errors.ts';
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

/** Answers with the code's status from the catalogue, unless the framework already knows a finer one. */
export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  code: TestopsErrorCode,
  message: string,
  options: { details?: ErrorProblem[]; status?: number } = {},
): FastifyReply {
  const { details } = options;
  return reply
    .code(options.status ?? errorSpec(code).status)
    .type('application/json')
    .send({ error: { code, message, request_id: String(request.id), ...(details ? { details } : {}) } });
}

/**
 * Errors the router raises before any hook runs (an undecodable URL, an over-long path
 * parameter): answered in the shared shape instead of Fastify's own.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void sendError(
    reply,
    request,
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
        'TESTOPS_INVALID_REQUEST',
        `the request does not match the API contract: ${details.map((d) => `${d.where}: ${d.problem}`).join('; ')}. See /docs for the expected shape.`,
        { details },
      );
    }
    if (error instanceof TestopsError) {
      if (errorSpec(error.code).status >= 500) request.log.error({ err: error }, 'request failed');
      return sendError(reply, request, error.code, error.message, {
        ...(error.problems ? { details: error.problems } : {}),
      });
    }
    if (error.statusCode === 429)
      return sendError(
        reply,
        request,
        'TESTOPS_RATE_LIMITED',
        `${error.message} Slow down, or ask for a higher TESTOPS_RATE_LIMIT.`,
      );
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(
        reply,
        request,
        'TESTOPS_REQUEST_TOO_LARGE',
        'the request body is larger than allowed: send large specs by URL (openapi_url), or raise TESTOPS_BODY_LIMIT.',
      );
    const unparsable = bodyParseError(error);
    if (unparsable)
      return sendError(reply, request, unparsable.code, unparsable.message, { status: unparsable.status });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return sendError(reply, request, 'TESTOPS_BAD_REQUEST', error.message, { status: error.statusCode });
    request.log.error({ err: error }, 'request failed');
    return sendError(
      reply,
      request,
      'TESTOPS_INTERNAL',
      'the server failed to handle the request; the request id is in the logs.',
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      request,
      'TESTOPS_NOT_FOUND',
      `no route ${request.method} ${request.url.split('?')[0]}; the API is described at /docs.`,
    ),
  );
}
