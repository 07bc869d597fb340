import type { ApiModel } from '../../core/api-model.ts';
import { resolvePointer } from '../../core/json-pointer.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import { schemaTypes } from '../../core/json-schema.ts';

/** A field of an object schema, its schema resolved. */
export interface SchemaField {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

/**
 * Reads operation schemas the way a tester reads the spec: `$ref`s followed into the model's
 * schema document, `allOf` merged, and of `anyOf`/`oneOf` the first real alternative (FastAPI's
 * `{"enum": [1]}` "unset" sentinels and `null` are not alternatives a tester would send).
 */
export class SchemaView {
  constructor(private readonly model: ApiModel) {}

  resolve(schema: JsonSchema | undefined, depth = 0): JsonSchema {
    if (!schema || depth > 12) return {};
    if (schema.$ref) {
      const target = resolvePointer(this.model.schemaDocument, schema.$ref) as JsonSchema | undefined;
      const { $ref: _ignored, ...rest } = schema;
      return this.resolve({ ...(target ?? {}), ...rest }, depth + 1);
    }
    if (schema.allOf) {
      const parts = schema.allOf.map((part) => this.resolve(part, depth + 1));
      const { allOf: _ignored, ...rest } = schema;
      return parts.reduce<JsonSchema>(mergeSchemas, rest);
    }
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) {
      // The alternative that requires most is the one whose sample is surely complete.
      const real = alternatives
        .map((part) => this.resolve(part, depth + 1))
        .filter((part) => !isSentinel(part))
        .sort((a, b) => (b.required?.length ?? 0) - (a.required?.length ?? 0))[0];
      const { anyOf: _a, oneOf: _o, ...rest } = schema;
      return real ? { ...rest, ...real } : rest;
    }
    return schema;
  }

  fields(schema: JsonSchema | undefined): SchemaField[] {
    const resolved = this.resolve(schema);
    const required = new Set(resolved.required ?? []);
    return Object.entries(resolved.properties ?? {}).map(([name, property]) => ({
      name,
      schema: this.resolve(property),
      required: required.has(name),
    }));
  }

  /** `PublicDiskResponse` for `{"$ref": "#/components/schemas/PublicDiskResponse"}`. */
  nameOf(schema: JsonSchema | undefined): string | undefined {
    const target = schema?.$ref ?? schema?.items?.$ref;
    return target?.split('/').at(-1) ?? schema?.title;
  }
}

function isSentinel(schema: JsonSchema): boolean {
  return (
    schemaTypes(schema).includes('null') ||
    (Array.isArray(schema.enum) &&
      schema.enum.length === 1 &&
      schema.properties === undefined &&
      schema.type !== 'string')
  );
}

function mergeSchemas(into: JsonSchema, part: JsonSchema): JsonSchema {
  return {
    ...into,
    ...part,
    properties: { ...(into.properties ?? {}), ...(part.properties ?? {}) },
    required: [...(into.required ?? []), ...(part.required ?? [])],
  };
}
