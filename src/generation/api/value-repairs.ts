import type { ApiModel } from '../../core/api-model.ts';
import { FORMAT_SAMPLES, fieldMeaning } from '../../core/field-values.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import { schemaTypes } from '../../core/json-schema.ts';
import { fitLength, primaryType, sampleValue } from './sample-value.ts';
import { SchemaContext } from './schema-context.ts';

/** An input value learned from the server: use `value` for this field of this operation. */
export interface ValueRepair {
  operation: string;
  in: 'body' | 'query';
  /** Path into the body (`['author', 'email']`) or the query parameter's name. */
  path: string[];
  value: unknown;
  /** The server keeps this field unique (a conflict refused it): sent unique per run. */
  unique?: boolean;
}

/**
 * Picks the next value to try for a field a server refused in a request the spec documents as
 * valid. Every candidate is valid for the documented schema: inputs are repaired within the
 * contract, and expectations are never touched.
 */
export class ValueRepairs {
  readonly #model: ApiModel;
  readonly #context: SchemaContext;

  constructor(model: ApiModel) {
    this.#model = model;
    this.#context = new SchemaContext(model);
  }

  /** A value not tried yet, or undefined when the schema and the field's name offer none. */
  next(input: Omit<ValueRepair, 'value'> & { tried: unknown[] }): { value: unknown } | undefined {
    const schema = this.fieldSchema(input);
    if (!schema) return undefined;
    const name = input.path.at(-1) ?? '';
    const tried = new Set(input.tried.map((value) => JSON.stringify(value)));
    const value = this.#candidates(schema, name).find(
      (candidate) =>
        candidate !== undefined &&
        !tried.has(JSON.stringify(candidate)) &&
        this.#context.isValid(schema, candidate) !== false,
    );
    return value === undefined ? undefined : { value };
  }

  /**
   * Whether a value proposed for a field (by the model) may be used: the field exists and ajv
   * finds the value valid for its documented schema. Undefined when the schema cannot be compiled.
   */
  accepts(repair: ValueRepair): { ok: true } | { ok: false; reason: string } {
    const schema = this.fieldSchema(repair);
    if (!schema)
      return { ok: false, reason: `${repair.operation} has no ${repair.in} field ${repair.path.join('.')}` };
    if (this.#context.isValid(schema, repair.value) === true) return { ok: true };
    return {
      ok: false,
      reason: `${JSON.stringify(repair.value)} breaks the schema of ${repair.path.join('.')}`,
    };
  }

  /** The documented schema of one body or query field, flattened. */
  fieldSchema(input: Omit<ValueRepair, 'value'>): JsonSchema | undefined {
    const operation = this.#model.operations.find((candidate) => candidate.key === input.operation);
    if (!operation) return undefined;
    if (input.in === 'query') {
      const parameter = operation.parameters.find(
        (candidate) => candidate.in === 'query' && candidate.name === input.path[0],
      );
      return parameter ? this.#context.flatten(parameter.schema) : undefined;
    }
    let schema: JsonSchema | undefined = operation.requestBody?.schema;
    for (const token of input.path) {
      const flat: JsonSchema = this.#context.flatten(schema);
      schema = /^\d+$/.test(token) && flat.items ? flat.items : flat.properties?.[token];
      if (!schema) return undefined;
    }
    return this.#context.flatten(schema);
  }

  /** Documented values first, then what the format and the name suggest, then other shapes. */
  #candidates(schema: JsonSchema, name: string): unknown[] {
    const meaning = fieldMeaning(name);
    const documented = [...(schema.examples ?? []), schema.default, ...(schema.enum ?? [])];
    const byName = meaning ? [meaning.value, ...meaning.alternatives] : [];
    const format = schema.format ? [FORMAT_SAMPLES[schema.format]] : [];
    const type = schemaTypes(schema).length > 0 ? primaryType(schema) : 'string';
    return [
      ...documented,
      ...format,
      ...byName,
      ...shapes(schema, type),
      sampleValue(this.#context, schema, 0, name),
    ];
  }
}

/** Other values of the same type: longer and shorter text, bounds and small numbers. */
function shapes(schema: JsonSchema, type: string): unknown[] {
  switch (type) {
    case 'integer':
    case 'number':
      return [schema.minimum, schema.maximum, 1, 10, 100, 0, 2024];
    case 'boolean':
      return [true, false];
    case 'string': {
      const max = schema.maxLength ?? 64;
      const min = schema.minLength ?? 0;
      return [
        fitLength('Sample value 42', min, max),
        fitLength('sample-value-with-more-characters', Math.max(min, 24), max),
        fitLength('qa1', min, max),
        'a',
      ];
    }
    default:
      return [];
  }
}
