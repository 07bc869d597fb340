import type { JsonSchema } from './json-schema.ts';

/**
 * The normalised API model: what sources/openapi produces and generation/api consumes. It is
 * independent of the OpenAPI version the spec was written in.
 */
export interface ApiModel {
  title: string;
  version: string;
  /** The dialect the source was written in; 2.0 sources are converted to 3.0 on load. */
  sourceVersion: '2.0' | '3.0' | '3.1';
  servers: string[];
  operations: ApiOperation[];
  /** Operations that could not be modelled: reported and skipped, never fatal. */
  issues: OperationIssue[];
  /**
   * Operations modelled with a part the spec does not define (a dangling `$ref`): that part is
   * treated as unconstrained and tested no further; the rest of the operation is.
   */
  warnings?: OperationIssue[];
  /**
   * One JSON Schema document holding every schema the operations reference: `$ref`s in
   * operation schemas point into it (`#/components/schemas/...`).
   */
  schemaDocument: { components: { schemas: Record<string, JsonSchema> } };
  /** Which JSON Schema dialect `schemaDocument` is in (3.1 specs use 2020-12). */
  schemaDialect: 'draft-07' | '2020-12';
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';

export interface ApiOperation {
  /** `GET /api/v1/vms` — unique, stable, readable. */
  key: string;
  method: HttpMethod;
  path: string;
  operationId: string | undefined;
  summary: string | undefined;
  /** The operation's own prose (business rules are often written here). */
  description?: string;
  /** The first tag, or the first path segment that is not a version. */
  tag: string;
  /** Where the operation is in the source document. */
  pointer: string;
  parameters: ApiParameter[];
  requestBody: ApiRequestBody | undefined;
  responses: ApiResponse[];
  security: ApiSecurity[];
  deprecated: boolean;
}

export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
  /** Serialisation of arrays in query strings: `a=1&a=2` (explode, the default) or `a=1,2`. */
  explode: boolean;
  example: unknown;
}

export interface ApiRequestBody {
  required: boolean;
  contentType: string;
  schema: JsonSchema;
  example: unknown;
}

export interface ApiResponse {
  /** A concrete status; ranges (`2XX`) and `default` are kept as written. */
  status: number | '1XX' | '2XX' | '3XX' | '4XX' | '5XX' | 'default';
  description: string;
  contentType: string | undefined;
  schema: JsonSchema | undefined;
  /** OpenAPI links: operations this response feeds, with parameter expressions. */
  links: ApiLink[];
}

export interface ApiLink {
  /** The target's operationId (links by operationRef are resolved to it when local). */
  operationId: string;
  /** Target parameter name → runtime expression such as `$response.body#/id`. */
  parameters: Record<string, string>;
}

/** One way to authenticate; an operation is satisfied by any of its alternatives. */
export interface ApiSecurity {
  scheme: string;
  kind: 'bearer' | 'basic' | 'api-key' | 'oauth2' | 'openid' | 'other';
  /** For api keys: where the key goes and its name. */
  in?: 'header' | 'query' | 'cookie';
  name?: string;
  /** Tokens in `Authorization`: the scheme word before the token (`Bearer`, `Token`). */
  prefix?: string;
}

export interface OperationIssue {
  operation: string;
  pointer: string;
  message: string;
}

export function documentedStatuses(operation: ApiOperation): number[] {
  return operation.responses.flatMap((response) =>
    typeof response.status === 'number' ? [response.status] : [],
  );
}

export function successResponse(operation: ApiOperation): ApiResponse | undefined {
  const concrete = operation.responses
    .filter(
      (response) => typeof response.status === 'number' && response.status >= 200 && response.status < 300,
    )
    .sort((a, b) => (a.status as number) - (b.status as number));
  return concrete[0] ?? operation.responses.find((response) => response.status === '2XX');
}
