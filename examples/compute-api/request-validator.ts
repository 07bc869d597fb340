import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { ApiError, validationError } from './api-error.ts';
import type {
  HttpMethod,
  OpenApiDocument,
  OpenApiOperation,
  OpenApiParameter,
  SchemaObject,
} from './openapi-document.ts';
import { getOperation, httpMethods } from './openapi-document.ts';
import type { SchemaResolver } from './query-coercion.ts';
import { coerceQueryParameter } from './query-coercion.ts';
import { createSpecAjv, specSchemaToJsonSchema } from './spec-ajv.ts';

/** What the transport hands over: undecoded text only, nothing interpreted yet. */
export interface RawRequest {
  pathParams: Record<string, string>;
  searchParams: URLSearchParams;
  /** The request body as text; the empty string when the request had none. */
  body: string;
}

/** A request that passed the operation's path, query and body schemas. */
export interface ValidRequest {
  path: Record<string, string>;
  query: Record<string, unknown>;
  /** The parsed JSON body, or undefined when the operation has none or an optional one was omitted. */
  body: unknown;
}

export type RequestValidator = (raw: RawRequest) => ValidRequest;

type Location = 'path' | 'query' | 'body';

function createResolver(document: OpenApiDocument): SchemaResolver {
  return (schema) => {
    let current = schema;
    // Bounded: a cyclic alias chain in a broken spec must not hang the server.
    for (let depth = 0; depth < 16 && typeof current.$ref === 'string'; depth += 1) {
      const name = current.$ref.replace('#/components/schemas/', '');
      const target = document.components?.schemas?.[name];
      if (!target) break;
      current = target;
    }
    return current;
  };
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function fieldPath(error: ErrorObject): string[] {
  const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  return segments;
}

function describe(error: ErrorObject, subErrors: ErrorObject[]): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not an allowed property';
    case 'anyOf': {
      const hint = subErrors.find((candidate) => candidate.instancePath === error.instancePath);
      return `does not match any allowed shape${hint?.message ? ` (e.g. it ${hint.message})` : ''}`;
    }
    default:
      return error.message ?? 'is invalid';
  }
}

/**
 * Turns Ajv's errors into the API's single 422 entry. With allErrors off, Ajv stops at the first
 * failing keyword; for `anyOf` it lists the branch errors first and the `anyOf` itself last,
 * so the last error is the one that names the offending field.
 */
function toValidationError(location: Location, errors: ErrorObject[]): ApiError {
  const error = errors[errors.length - 1];
  if (!error) return validationError(location, `${location} is invalid`);
  const segments = fieldPath(error);
  const problem = describe(error, errors.slice(0, -1));
  if (location === 'body') {
    const field = segments.join('.');
    return validationError(
      field || 'body',
      field ? `body field "${field}" ${problem}` : `request body ${problem}`,
    );
  }
  const field = segments[0] ?? location;
  return validationError(field, `${location} parameter "${field}" ${problem}`);
}

function compileParameters(ajv: Ajv, parameters: OpenApiParameter[]): ValidateFunction {
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  for (const parameter of parameters) {
    properties[parameter.name] = specSchemaToJsonSchema(parameter.schema ?? {});
    // Path parameters are always required, whatever the spec says.
    if (parameter.required || parameter.in === 'path') required.push(parameter.name);
  }
  return ajv.compile({ type: 'object', properties, required });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(422, 'invalid_json', `Request body is not valid JSON: ${detail}`, { field: 'body' });
  }
}

// Operation-level parameters override path-level ones with the same name and location.
function mergeParameters(shared: OpenApiParameter[], own: OpenApiParameter[]): OpenApiParameter[] {
  const overridden = new Set(own.map((parameter) => `${parameter.in}:${parameter.name}`));
  return [...shared.filter((parameter) => !overridden.has(`${parameter.in}:${parameter.name}`)), ...own];
}

function createOperationValidator(
  operation: OpenApiOperation,
  sharedParameters: OpenApiParameter[],
  bodyAjv: Ajv,
  queryAjv: Ajv,
  resolve: SchemaResolver,
): RequestValidator {
  const parameters = mergeParameters(sharedParameters, operation.parameters ?? []);
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  const validatePath = compileParameters(bodyAjv, pathParameters);
  // Defaults (limit=50, order_desc=true, …) are filled in by the query validator itself.
  const validateQuery = compileParameters(queryAjv, queryParameters);
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  const validateBody = bodySchema ? bodyAjv.compile(specSchemaToJsonSchema(bodySchema)) : undefined;
  const bodyRequired = operation.requestBody?.required === true;

  return (raw) => {
    const path: Record<string, string> = {};
    for (const parameter of pathParameters) {
      const value = raw.pathParams[parameter.name];
      if (value !== undefined) path[parameter.name] = value;
    }
    if (!validatePath(path)) throw toValidationError('path', validatePath.errors ?? []);

    // Unknown query parameters are ignored: only declared ones are read.
    const query: Record<string, unknown> = {};
    for (const parameter of queryParameters) {
      const values = raw.searchParams.getAll(parameter.name);
      if (values.length > 0)
        query[parameter.name] = coerceQueryParameter(values, parameter.schema ?? {}, resolve);
    }
    if (!validateQuery(query)) throw toValidationError('query', validateQuery.errors ?? []);

    if (!validateBody) return { path, query, body: undefined };
    if (raw.body.trim() === '') {
      if (bodyRequired) throw validationError('body', 'request body is required');
      return { path, query, body: undefined };
    }
    const body = parseJson(raw.body);
    if (!validateBody(body)) throw toValidationError('body', validateBody.errors ?? []);
    return { path, query, body };
  };
}

export function operationKey(method: HttpMethod, pathTemplate: string): string {
  return `${method.toUpperCase()} ${pathTemplate}`;
}

/**
 * Compiles one validator per operation of the document. Checks run path → query → body, each
 * stopping at its first problem, so a request gets exactly one, predictable 422 entry.
 */
export function createRequestValidators(document: OpenApiDocument): Map<string, RequestValidator> {
  const bodyAjv = createSpecAjv(document);
  const queryAjv = createSpecAjv(document, { useDefaults: true });
  const resolve = createResolver(document);
  const validators = new Map<string, RequestValidator>();
  for (const [pathTemplate, pathItem] of Object.entries(document.paths)) {
    for (const method of httpMethods) {
      if (!pathItem[method]) continue;
      const operation = getOperation(document, method, pathTemplate);
      validators.set(
        operationKey(method, pathTemplate),
        createOperationValidator(operation, pathItem.parameters ?? [], bodyAjv, queryAjv, resolve),
      );
    }
  }
  return validators;
}
