/**
 * The JSON Schema subset the engine reads. Schemas in the API model are already converted from
 * OpenAPI dialects (nullable, boolean exclusive bounds) to JSON Schema, with local `$ref`s that
 * point into the model's schema document.
 */
export interface JsonSchema {
  $ref?: string;
  type?: JsonSchemaType | JsonSchemaType[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  readOnly?: boolean;
  writeOnly?: boolean;
  title?: string;
  description?: string;
  [keyword: string]: unknown;
}

export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

export function schemaTypes(schema: JsonSchema): JsonSchemaType[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** A file in a form body: `format: binary` (OpenAPI 3.0), or a string with a media type or encoding (3.1). */
export function isFileSchema(schema: JsonSchema): boolean {
  return (
    schema.format === 'binary' ||
    schema.format === 'base64' ||
    typeof schema['contentMediaType'] === 'string' ||
    typeof schema['contentEncoding'] === 'string'
  );
}
