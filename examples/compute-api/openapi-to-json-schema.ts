import type { SchemaObject } from './openapi-document.ts';

// OpenAPI-only annotations that mean nothing to a JSON Schema validator.
const droppedKeywords = new Set([
  'nullable',
  'example',
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
]);

// Keywords whose value is a map of name → schema (the names are data, never keywords).
const schemaMapKeywords = new Set(['properties', 'patternProperties', 'definitions', '$defs']);

// Keywords whose value is a single schema.
const schemaKeywords = new Set(['additionalProperties', 'not', 'propertyNames', 'contains']);

// Keywords whose value is a list of schemas.
const schemaListKeywords = new Set(['anyOf', 'oneOf', 'allOf']);

export interface ConvertOptions {
  /** Rewrites local `$ref`s, e.g. to point into a schema registered under another id. */
  rewriteRef?: (ref: string) => string;
}

function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Converts one OpenAPI 3.0 Schema Object into draft-07 JSON Schema semantics. It walks the
 * schema structurally (not every nested object), because property maps hold data names such
 * as `type` or `default` that must not be mistaken for keywords.
 */
export function openApiSchemaToJsonSchema(schema: SchemaObject, options: ConvertOptions = {}): SchemaObject {
  const result: SchemaObject = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (droppedKeywords.has(keyword)) continue;
    if (keyword === '$ref' && typeof value === 'string') {
      result.$ref = options.rewriteRef ? options.rewriteRef(value) : value;
    } else if (schemaMapKeywords.has(keyword) && isSchemaObject(value)) {
      result[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [
          name,
          isSchemaObject(child) ? openApiSchemaToJsonSchema(child, options) : child,
        ]),
      );
    } else if (schemaKeywords.has(keyword) && isSchemaObject(value)) {
      result[keyword] = openApiSchemaToJsonSchema(value, options);
    } else if (schemaListKeywords.has(keyword) && Array.isArray(value)) {
      result[keyword] = value.map((child: unknown) =>
        isSchemaObject(child) ? openApiSchemaToJsonSchema(child, options) : child,
      );
    } else if (keyword === 'items') {
      result.items = Array.isArray(value)
        ? value.map((child: unknown) =>
            isSchemaObject(child) ? openApiSchemaToJsonSchema(child, options) : child,
          )
        : isSchemaObject(value)
          ? openApiSchemaToJsonSchema(value, options)
          : value;
    } else {
      result[keyword] = value;
    }
  }
  convertExclusiveBound(schema, result, 'exclusiveMinimum', 'minimum');
  convertExclusiveBound(schema, result, 'exclusiveMaximum', 'maximum');
  return schema.nullable === true ? makeNullable(result) : result;
}

// OpenAPI 3.0 spells "> minimum" as `minimum: n, exclusiveMinimum: true`; JSON Schema as
// `exclusiveMinimum: n`. Left unconverted, Ajv would reject the boolean or ignore the bound.
function convertExclusiveBound(
  source: SchemaObject,
  target: SchemaObject,
  exclusiveKeyword: 'exclusiveMinimum' | 'exclusiveMaximum',
  boundKeyword: 'minimum' | 'maximum',
): void {
  const flag = source[exclusiveKeyword];
  if (typeof flag !== 'boolean') return;
  delete target[exclusiveKeyword];
  const bound = source[boundKeyword];
  if (flag && typeof bound === 'number') {
    delete target[boundKeyword];
    target[exclusiveKeyword] = bound;
  }
}

function makeNullable(schema: SchemaObject): SchemaObject {
  const { type } = schema;
  if (typeof type === 'string') {
    const nullable: SchemaObject = { ...schema, type: [type, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) nullable.enum = [...schema.enum, null];
    return nullable;
  }
  if (Array.isArray(type)) return type.includes('null') ? schema : { ...schema, type: [...type, 'null'] };
  // Typeless schemas ($ref, anyOf, …) get null as an explicit alternative.
  return { anyOf: [schema, { type: 'null' }] };
}
