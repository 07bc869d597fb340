import { FORMAT_SAMPLES, fieldMeaning } from '../../core/field-values.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import { schemaTypes } from '../../core/json-schema.ts';
import type { SchemaView } from './schema-view.ts';

// Concrete values for the requests a tester sends. Ids of things that must already exist are
// named variables (`$PROJECT_ID`) that the case's preconditions explain; everything else is a
// literal that satisfies the schema (enum, bounds, length, pattern).

export class SampleValues {
  /** `PROJECT_ID` → "the id of an existing project", for the preconditions. */
  readonly variables = new Map<string, string>();

  constructor(
    private readonly view: SchemaView,
    /** The resource a bare `id` field names (the operation's own). */
    private readonly ownLabel: string,
    /** How testers call the thing an id field names: `vm_id` → "VM". */
    private readonly labelOf: (field: string) => string | undefined = () => undefined,
  ) {}

  /** A minimal valid body: required fields, or (when none is required) the first field. */
  body(schema: JsonSchema | undefined): unknown {
    return this.value(this.view.resolve(schema), '', 0);
  }

  value(schema: JsonSchema, field: string, depth: number): unknown {
    if (schema.const !== undefined) return schema.const;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
    const type = schemaTypes(schema).find((candidate) => candidate !== 'null') ?? guessType(schema);
    switch (type) {
      case 'object':
        return this.object(schema, depth);
      case 'array':
        return this.array(schema, field, depth);
      case 'integer':
      case 'number':
        return numberSample(schema);
      case 'boolean':
        return typeof schema.default === 'boolean' ? schema.default : false;
      default:
        return this.string(schema, field);
    }
  }

  /** `project_id` → `$PROJECT_ID`, remembered with what the tester must put there. */
  variable(field: string, label?: string): string {
    const stem = /^(.+?)_ids?$/.exec(field)?.[1] ?? (field === 'id' ? this.ownLabel : field);
    const name = `${stem.replace(/[^a-z0-9]+/gi, '_').toUpperCase()}_ID`;
    const noun = label ?? this.labelOf(field) ?? (field === 'id' ? this.ownLabel : stem.replace(/_/g, ' '));
    this.variables.set(name, `the id of an existing ${noun}`);
    return `$${name}`;
  }

  private object(schema: JsonSchema, depth: number): Record<string, unknown> {
    if (depth > 4) return {};
    const fields = this.view.fields(schema).filter((field) => !field.schema.readOnly);
    const chosen = fields.filter((field) => field.required);
    const picked = chosen.length > 0 || depth > 0 ? chosen : fields.slice(0, 1);
    return Object.fromEntries(
      picked.map((field) => [field.name, this.value(field.schema, field.name, depth + 1)]),
    );
  }

  private array(schema: JsonSchema, field: string, depth: number): unknown[] {
    const count = Math.max(schema.minItems ?? 0, depth === 0 ? 1 : 0);
    const item = this.view.resolve(schema.items);
    return Array.from({ length: count }, () => this.value(item, field.replace(/s$/, ''), depth + 1));
  }

  private string(schema: JsonSchema, field: string): string {
    if (/uuid/.test(schema.format ?? '') || /(^|_)ids?$/.test(field)) return this.variable(field);
    const candidates = [
      typeof schema.default === 'string' && schema.default !== '' ? schema.default : undefined,
      typeof schema.examples?.[0] === 'string' ? schema.examples[0] : undefined,
      schema.format ? FORMAT_SAMPLES[schema.format] : undefined,
      // A tester reads names best when they say what they name: `qa-vm-1`.
      /name$/.test(field)
        ? `qa-${(field.replace(/_?name$/, '') || this.ownLabel).toLowerCase()}-1`
        : undefined,
      ...meaningfulValues(field),
      'qa-value',
      'qa1',
    ].filter((candidate): candidate is string => candidate !== undefined);
    const fitting = candidates
      .map((candidate) => fitLength(candidate, schema))
      .find((candidate) => matches(candidate, schema.pattern));
    return fitting ?? fitLength(candidates[0]!, schema);
  }
}

function guessType(schema: JsonSchema): string {
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  if (schema.minimum !== undefined || schema.maximum !== undefined) return 'integer';
  return 'string';
}

export function numberSample(schema: JsonSchema): number {
  const low =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
  const high =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : undefined);
  const preferred = typeof schema.default === 'number' ? schema.default : (low ?? 1);
  return Math.min(Math.max(preferred, low ?? preferred), high ?? preferred);
}

function meaningfulValues(field: string): string[] {
  const meaning = fieldMeaning(field);
  return meaning ? [meaning.value, ...meaning.alternatives] : [];
}

function fitLength(text: string, schema: JsonSchema): string {
  const padded = text.padEnd(schema.minLength ?? 0, 'a');
  return schema.maxLength !== undefined ? padded.slice(0, schema.maxLength) : padded;
}

function matches(text: string, pattern: string | undefined): boolean {
  if (!pattern) return true;
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true;
  }
}
