import type { SchemaObject } from './openapi-document.ts';

/** Follows local `$ref`s so coercion can see the type behind e.g. `$ref: FlavorEnum`. */
export type SchemaResolver = (schema: SchemaObject) => SchemaObject;

const integerPattern = /^[+-]?\d+$/;
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function schemaType(schema: SchemaObject, resolve: SchemaResolver): string | undefined {
  const { type } = resolve(schema);
  return typeof type === 'string' ? type : undefined;
}

/**
 * Converts one query string value to the schema's scalar type. A value that does not parse is
 * returned unchanged (still a string) so the schema validator reports a precise type error
 * (`limit=abc` → 422) instead of the coercion silently guessing.
 */
function coerceScalar(raw: string, schema: SchemaObject, resolve: SchemaResolver): unknown {
  switch (schemaType(schema, resolve)) {
    case 'integer': {
      if (!integerPattern.test(raw)) return raw;
      const value = Number(raw);
      return Number.isSafeInteger(value) ? value : raw;
    }
    case 'number':
      return numberPattern.test(raw) ? Number(raw) : raw;
    case 'boolean': {
      // Only the literal words: `1`, `yes`, … are ambiguous across frameworks, so they are
      // rejected rather than interpreted.
      const lowered = raw.toLowerCase();
      if (lowered === 'true') return true;
      if (lowered === 'false') return false;
      return raw;
    }
    default:
      return raw;
  }
}

/**
 * Coerces every occurrence of one query parameter. Arrays come from repeated parameters
 * (`?a=1&a=2`, OpenAPI's default form/explode style); for scalars the last occurrence wins.
 */
export function coerceQueryParameter(
  values: string[],
  schema: SchemaObject,
  resolve: SchemaResolver,
): unknown {
  const resolved = resolve(schema);
  if (schemaType(resolved, resolve) === 'array') {
    const items = typeof resolved.items === 'object' && resolved.items !== null ? resolved.items : {};
    return values.map((value) => coerceScalar(value, items as SchemaObject, resolve));
  }
  return coerceScalar(values[values.length - 1] ?? '', resolved, resolve);
}
