import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

// Only the parts of OpenAPI 3.0 this stand-in reads; everything else passes through untouched.
export type SchemaObject = { [keyword: string]: unknown };

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

export interface OpenApiMediaType {
  schema?: SchemaObject;
}

export interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, OpenApiMediaType> };
  responses?: Record<string, { content?: Record<string, OpenApiMediaType> }>;
}

export type OpenApiPathItem = Partial<Record<HttpMethod, OpenApiOperation>> & {
  /** Parameters shared by every operation of the path. */
  parameters?: OpenApiParameter[];
};

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, OpenApiPathItem>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export const httpMethods: readonly HttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'patch',
  'head',
  'options',
];

export const computeApiSpecUrl = new URL('./openapi.yaml', import.meta.url);

let cached: OpenApiDocument | undefined;

/**
 * The spec is the single source of truth for validation; it is parsed once per process and
 * handed out as a fresh deep copy so fault variants can edit theirs without leaking.
 */
export function loadComputeApiSpec(): OpenApiDocument {
  cached ??= parse(readFileSync(computeApiSpecUrl, 'utf8')) as OpenApiDocument;
  return structuredClone(cached);
}

export function getOperation(
  document: OpenApiDocument,
  method: HttpMethod,
  pathTemplate: string,
): OpenApiOperation {
  const operation = document.paths[pathTemplate]?.[method];
  if (!operation) throw new Error(`The spec has no operation ${method.toUpperCase()} ${pathTemplate}`);
  return operation;
}
