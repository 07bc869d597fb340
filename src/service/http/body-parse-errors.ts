import type { TestopsErrorCode } from '../../core/error-catalogue.ts';
import type { FastifyError } from 'fastify';

export interface BodyParseError {
  status: number;
  code: TestopsErrorCode;
  message: string;
}

/**
 * Fastify's messages for bodies it cannot parse, rewritten to say what to send. Its JSON parser
 * refuses `__proto__` and `constructor.prototype` keys (prototype pollution) with the same error
 * as broken JSON, so the message names both causes.
 */
export function bodyParseError(error: FastifyError): BodyParseError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        status: 400,
        code: 'TESTOPS_INVALID_JSON',
        message:
          'the body is not valid JSON, or it holds a "__proto__" or "constructor.prototype" key, which are refused. ' +
          'Expected a JSON object as described at /docs. Tip: check the body with a JSON linter.',
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'TESTOPS_INVALID_JSON',
        message:
          'the body is empty but its content-type is application/json. Expected a JSON object as described at /docs.',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: error.statusCode ?? 415,
        code: error.statusCode === 400 ? 'TESTOPS_BAD_REQUEST' : 'TESTOPS_UNSUPPORTED_MEDIA_TYPE',
        message: `${error.message}. Expected a JSON object sent with "content-type: application/json".`,
      };
    default:
      return undefined;
  }
}
