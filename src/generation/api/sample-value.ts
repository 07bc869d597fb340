import { createRequire } from 'node:module';
import type { JsonSchema } from '../../core/json-schema.ts';
import { schemaTypes } from '../../core/json-schema.ts';
import { FORMAT_SAMPLES, SAMPLE_UUID, fieldMeaning } from '../../core/field-values.ts';
import type { SchemaContext } from './schema-context.ts';

// randexp is CommonJS; its ESM default import does not type-check under NodeNext.
interface RandExpInstance {
  max: number;
  randInt: (from: number, to: number) => number;
  gen(): string;
}
const RandExp = createRequire(import.meta.url)('randexp') as new (pattern: string) => RandExpInstance;

export { SAMPLE_UUID };
const MAX_DEPTH = 6;

/**
 * A deterministic schema-valid value: documented examples first, then defaults, enums and
 * synthesised data. `minimal` keeps objects to their required properties — the request a
 * careful client would send — which avoids optional references to things that do not exist.
 * `field` is the property or parameter name: what it means (an email, a URL) shapes strings.
 */
export function sampleValue(
  context: SchemaContext,
  schema: JsonSchema | undefined,
  depth = 0,
  field?: string,
): unknown {
  const flat = context.flatten(schema);
  const documented = documentedValue(context, flat);
  if (documented.found) return documented.value;
  if (depth > MAX_DEPTH) return fallbackForDepth(flat);
  const variants = flat.oneOf ?? flat.anyOf;
  if (variants && variants.length > 0)
    return sampleValue(context, preferredVariant(context, variants), depth + 1);
  const type = primaryType(flat);
  switch (type) {
    case 'string':
      return sampleString(context, flat, field);
    case 'integer':
    case 'number':
      return sampleNumber(flat, type === 'integer');
    case 'boolean':
      return false;
    case 'array':
      return sampleArray(context, flat, depth);
    case 'null':
      return null;
    case 'object':
      return sampleObject(context, flat, depth);
  }
}

function documentedValue(context: SchemaContext, schema: JsonSchema): { found: boolean; value?: unknown } {
  if (schema.const !== undefined) return { found: true, value: schema.const };
  const candidates = [...(schema.examples ?? []), schema.default];
  for (const candidate of candidates) {
    if (candidate !== undefined && context.isValid(schema, candidate) === true)
      return { found: true, value: candidate };
  }
  const enumValue = schema.enum?.find((value) => value !== null);
  if (enumValue !== undefined) return { found: true, value: enumValue };
  return { found: false };
}

/** Prefers an object variant that requires something: `{}` often matches a branch by accident. */
export function preferredVariant(context: SchemaContext, variants: JsonSchema[]): JsonSchema {
  const resolved = variants.map((variant) => context.flatten(variant));
  const nonNull = resolved.filter(
    (variant) => !schemaTypes(variant).every((type) => type === 'null') || variant.type === undefined,
  );
  const demanding = nonNull.find((variant) => (variant.required ?? []).length > 0);
  return demanding ?? nonNull[0] ?? resolved[0] ?? {};
}

export function primaryType(schema: JsonSchema): Exclude<JsonSchema['type'], JsonSchema['type'][]> & string {
  const types = schemaTypes(schema).filter((type) => type !== 'null');
  if (types[0]) return types[0];
  if (schemaTypes(schema).includes('null')) return 'null';
  if (schema.properties || schema.additionalProperties !== undefined || schema.required) return 'object';
  if (schema.items) return 'array';
  if (schema.minimum !== undefined || schema.maximum !== undefined) return 'number';
  if (schema.pattern || schema.format || schema.minLength !== undefined || schema.maxLength !== undefined)
    return 'string';
  return 'string';
}

function sampleString(context: SchemaContext, schema: JsonSchema, field: string | undefined): string {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Math.max(min, 64);
  if (schema.format && FORMAT_SAMPLES[schema.format] !== undefined) return FORMAT_SAMPLES[schema.format]!;
  const meant = field === undefined ? undefined : meaningfulString(context, schema, field);
  if (meant !== undefined) return meant;
  if (schema.pattern) {
    const generated = fromPattern(schema.pattern, min, max);
    if (generated !== undefined) return generated;
  }
  return fitLength('sample', min, max);
}

/** The value the field's name suggests (or one of its alternatives), if the schema allows it. */
export function meaningfulString(
  context: SchemaContext,
  schema: JsonSchema,
  field: string,
): string | undefined {
  const meaning = fieldMeaning(field);
  if (!meaning) return undefined;
  return [meaning.value, ...meaning.alternatives].find(
    (candidate) => context.isValid(schema, candidate) === true,
  );
}

export function fitLength(base: string, min: number, max: number): string {
  let value = base;
  while (value.length < min) value += 'a';
  return value.slice(0, Math.max(max, min));
}

/** A deterministic string for a pattern, if one of a few attempts also fits the length bounds. */
export function fromPattern(pattern: string, min: number, max: number): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  for (const candidate of ['sample', 'Sample1', 'a', 'sample-value']) {
    const fitted = fitLength(candidate, min, max);
    if (regex.test(fitted)) return fitted;
  }
  try {
    const generator = new RandExp(pattern);
    let seed = 7;
    // A seeded generator keeps the emitted suite stable from one generation to the next.
    generator.randInt = (from: number, to: number) => {
      seed = (seed * 48271) % 2147483647;
      return from + (seed % (to - from + 1));
    };
    generator.max = Math.max(1, Math.min(max, 16));
    for (let attempt = 0; attempt < 20; attempt++) {
      const value = generator.gen();
      if (value.length >= min && value.length <= max && regex.test(value)) return value;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const step = schema.multipleOf ?? (integer ? 1 : 0.5);
  let low =
    schema.minimum ??
    (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : step) : undefined);
  const high =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : step) : undefined);
  if (low === undefined) low = high !== undefined && high < 1 ? high : 1;
  if (integer) low = Math.ceil(low);
  if (schema.multipleOf) low = Math.ceil(low / schema.multipleOf) * schema.multipleOf;
  return high !== undefined && low > high ? high : low;
}

function sampleArray(context: SchemaContext, schema: JsonSchema, depth: number): unknown[] {
  const count = Math.max(schema.minItems ?? 0, 1);
  if (schema.maxItems === 0) return [];
  const item = sampleValue(context, schema.items, depth + 1);
  const items = Array.from({ length: count }, () => structuredClone(item));
  if (schema.uniqueItems && count > 1) return items.slice(0, 1);
  return items;
}

function sampleObject(context: SchemaContext, schema: JsonSchema, depth: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) {
    const property = properties[name];
    const flat = context.flatten(property);
    if (flat.readOnly) continue;
    result[name] = sampleValue(context, property ?? {}, depth + 1, name);
  }
  return result;
}

function fallbackForDepth(schema: JsonSchema): unknown {
  switch (primaryType(schema)) {
    case 'array':
      return [];
    case 'object':
      return {};
    case 'null':
      return null;
    default:
      return undefined;
  }
}
