import type { JsonSchema } from '../../core/json-schema.ts';

const DROPPED_KEYWORDS = new Set([
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
  'example',
  'nullable',
]);

/**
 * Converts an OpenAPI 3.0 Schema Object to JSON Schema (draft-07): `nullable`, boolean
 * `exclusiveMinimum/Maximum` and `example` have JSON Schema equivalents; the rest is kept.
 * OpenAPI 3.1 schemas already are JSON Schema 2020-12 and pass through unchanged.
 */
export function convertSchema(schema: unknown, dialect: '3.0' | '3.1'): JsonSchema {
  if (dialect === '3.1') return (isObject(schema) ? schema : {}) as JsonSchema;
  return convert30(schema);
}

function convert30(node: unknown): JsonSchema {
  if (!isObject(node)) return {};
  if (typeof node['$ref'] === 'string') return { $ref: node['$ref'] };
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    result[key] = convertKeyword(key, value);
  }
  applyExclusiveBounds(node, result);
  if (node['example'] !== undefined && result.examples === undefined) result.examples = [node['example']];
  return node['nullable'] === true ? makeNullable(result) : result;
}

function convertKeyword(key: string, value: unknown): unknown {
  switch (key) {
    case 'properties':
    case 'patternProperties':
      return isObject(value) ? mapValues(value, convert30) : value;
    case 'items':
    case 'not':
    case 'additionalProperties':
      return isObject(value) ? convert30(value) : value;
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return Array.isArray(value) ? value.map(convert30) : value;
    default:
      return value;
  }
}

function applyExclusiveBounds(source: Record<string, unknown>, target: JsonSchema): void {
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    const flag = source[exclusive];
    if (typeof flag !== 'boolean') continue;
    delete target[exclusive];
    if (flag && typeof source[bound] === 'number') {
      target[exclusive] = source[bound];
      delete target[bound];
    }
  }
}

function makeNullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') {
    const nullable: JsonSchema = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) nullable.enum = [...schema.enum, null];
    return nullable;
  }
  if (Array.isArray(schema.type))
    return schema.type.includes('null') ? schema : { ...schema, type: [...schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

function mapValues(
  record: Record<string, unknown>,
  mapper: (value: unknown) => JsonSchema,
): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, mapper(value)]));
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
