import type { JsonSchema } from '../../core/json-schema.ts';
import { schemaTypes } from '../../core/json-schema.ts';
import { fitLength, primaryType, sampleValue } from './sample-value.ts';
import type { SchemaContext } from './schema-context.ts';

export type InvalidKind =
  'type' | 'maximum' | 'minimum' | 'maxLength' | 'minLength' | 'pattern' | 'enum' | 'format';

export interface InvalidValue {
  kind: InvalidKind;
  /** Completes "rejects "size" …": `above its maximum (16385)`. */
  label: string;
  value: unknown;
  /** A lenient server may convert it to the documented type (12345 → "12345") instead of refusing it. */
  coercible?: boolean;
}

/** Longer limits make unreadable tests and say little more than the shorter ones do. */
const MAX_LENGTH_TESTED = 1024;

/**
 * Values that break exactly one documented constraint of a field. Each is checked against the
 * schema, so a "negative" test never sends something the spec actually allows.
 */
export function invalidValues(
  context: SchemaContext,
  schema: JsonSchema,
  options: { wire: 'json' | 'text' },
): InvalidValue[] {
  const flat = context.flatten(schema);
  const candidates = [
    wrongType(context, flat, options.wire),
    ...numericBounds(flat),
    ...lengthBounds(context, flat),
    patternViolation(flat),
    enumViolation(flat),
    formatViolation(flat),
  ].filter((candidate): candidate is InvalidValue => candidate !== undefined);
  return candidates.filter((candidate) => context.isValid(flat, candidate.value) === false);
}

function wrongType(
  context: SchemaContext,
  schema: JsonSchema,
  wire: 'json' | 'text',
): InvalidValue | undefined {
  if (schema.enum) return undefined; // covered by the enum case, with a clearer title
  const type = primaryType(schema);
  if (wire === 'text') {
    // On the wire every query value is text: only non-string types can be "wrong".
    if (type === 'integer' || type === 'number')
      return { kind: 'type', label: 'that is not a number', value: 'not-a-number' };
    if (type === 'boolean') return { kind: 'type', label: 'that is not a boolean', value: 'not-a-boolean' };
    return undefined;
  }
  const candidates: [string, unknown][] = [
    ['a number instead of text', 12345],
    ['text instead of a number', 'not-a-number'],
    ['text instead of a boolean', 'not-a-boolean'],
    ['text instead of a list', 'not-a-list'],
    ['text instead of an object', 'not-an-object'],
    ['a list instead of a single value', ['unexpected']],
  ];
  const preferred = candidates.filter(([label]) => label.includes(typeNoun(type)));
  for (const [label, value] of [...preferred, ...candidates]) {
    if (context.isValid(schema, value) === false && !schemaTypes(schema).includes(jsonTypeOf(value))) {
      const coercible = typeof value === 'number' && schemaTypes(schema).includes('string');
      return { kind: 'type', label: `with ${label}`, value, ...(coercible ? { coercible } : {}) };
    }
  }
  return undefined;
}

function typeNoun(type: string): string {
  switch (type) {
    case 'integer':
    case 'number':
      return 'instead of a number';
    case 'boolean':
      return 'instead of a boolean';
    case 'array':
      return 'instead of a list';
    case 'object':
      return 'instead of an object';
    default:
      return 'instead of text';
  }
}

function jsonTypeOf(value: unknown): 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'string' | 'number' | 'boolean' | 'object';
}

function numericBounds(schema: JsonSchema): InvalidValue[] {
  const type = primaryType(schema);
  if (type !== 'integer' && type !== 'number') return [];
  const step = type === 'integer' ? 1 : (schema.multipleOf ?? 0.5);
  const result: InvalidValue[] = [];
  if (schema.maximum !== undefined)
    result.push({
      kind: 'maximum',
      label: `above its maximum (${schema.maximum + step})`,
      value: schema.maximum + step,
    });
  if (schema.exclusiveMaximum !== undefined) {
    result.push({
      kind: 'maximum',
      label: `equal to its exclusive maximum (${schema.exclusiveMaximum})`,
      value: schema.exclusiveMaximum,
    });
  }
  if (schema.minimum !== undefined)
    result.push({
      kind: 'minimum',
      label: `below its minimum (${schema.minimum - step})`,
      value: schema.minimum - step,
    });
  if (schema.exclusiveMinimum !== undefined) {
    result.push({
      kind: 'minimum',
      label: `equal to its exclusive minimum (${schema.exclusiveMinimum})`,
      value: schema.exclusiveMinimum,
    });
  }
  return result;
}

function lengthBounds(context: SchemaContext, schema: JsonSchema): InvalidValue[] {
  if (primaryType(schema) !== 'string' || schema.enum || schema.format) return [];
  const result: InvalidValue[] = [];
  const valid = String(sampleValue(context, schema) ?? 'a');
  if (schema.maxLength !== undefined && schema.maxLength < MAX_LENGTH_TESTED) {
    const value = padToLength(valid, schema.maxLength + 1, schema.pattern);
    if (value) result.push({ kind: 'maxLength', label: `longer than ${schema.maxLength} characters`, value });
  }
  if (schema.minLength !== undefined && schema.minLength > 0) {
    const value = valid.slice(0, schema.minLength - 1);
    result.push({ kind: 'minLength', label: `shorter than ${schema.minLength} characters`, value });
  }
  return result;
}

/** Pads with a character the pattern accepts, so only the length is wrong. */
function padToLength(base: string, length: number, pattern: string | undefined): string | undefined {
  const regex = pattern ? safeRegex(pattern) : undefined;
  for (const filler of ['a', '1', 'x', '-']) {
    let value = base;
    while (value.length < length) value += filler;
    value = value.slice(0, length);
    if (!regex || regex.test(value)) return value;
  }
  return undefined;
}

function patternViolation(schema: JsonSchema): InvalidValue | undefined {
  if (!schema.pattern || schema.enum || schema.format) return undefined;
  const regex = safeRegex(schema.pattern);
  if (!regex) return undefined;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 64;
  for (const candidate of ['!invalid value!', '1-starts-with-digit', '#', ' ', 'ÄÖÜ']) {
    const value = fitLength(candidate, min, max);
    if (!regex.test(value))
      return { kind: 'pattern', label: `not matching its pattern (${JSON.stringify(value)})`, value };
  }
  return undefined;
}

function enumViolation(schema: JsonSchema): InvalidValue | undefined {
  if (!schema.enum || schema.enum.length === 0) return undefined;
  const numeric = schema.enum.every((value) => typeof value === 'number');
  const value = numeric ? 987654 : 'not-a-valid-option';
  return { kind: 'enum', label: `outside its allowed values (${JSON.stringify(value)})`, value };
}

function formatViolation(schema: JsonSchema): InvalidValue | undefined {
  const samples: Record<string, string> = {
    uuid: 'not-a-uuid',
    uuid4: 'not-a-uuid',
    'date-time': 'not-a-date-time',
    date: 'not-a-date',
    email: 'not-an-email',
  };
  const value = schema.format ? samples[schema.format] : undefined;
  return value
    ? { kind: 'format', label: `that is not a valid ${schema.format} (${JSON.stringify(value)})`, value }
    : undefined;
}

function safeRegex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}
