import type { ApiModel } from '../core/api-model.ts';
import { resolvePointer } from '../core/json-pointer.ts';
import type { JsonSchema } from '../core/json-schema.ts';

const MAX_DEPTH = 12;

/**
 * What a schema says about the fields of a value: the properties it names (through `$ref`,
 * `allOf`, `anyOf`, `oneOf`), or undefined when it names none (a free-form object), in which
 * case no field can be called absent.
 */
export class SchemaFields {
  constructor(private readonly model: ApiModel) {}

  properties(schema: JsonSchema | undefined, depth = 0): Map<string, JsonSchema> | undefined {
    const resolved = this.resolve(schema);
    if (!resolved || depth > MAX_DEPTH) return undefined;
    const found = new Map<string, JsonSchema>(Object.entries(resolved.properties ?? {}));
    let named = resolved.properties !== undefined;
    for (const part of [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])]) {
      const nested = this.properties(part, depth + 1);
      if (nested === undefined) {
        if (this.isOpenObject(part)) return undefined;
        continue;
      }
      named = true;
      for (const [name, property] of nested) found.set(name, property);
    }
    if (!named) return undefined;
    // Extra fields are allowed and typed: nothing is "absent" then.
    if (typeof resolved.additionalProperties === 'object') return undefined;
    return found;
  }

  /** The schema of array items (`items`, or the first `prefixItems`), through `$ref`s. */
  items(schema: JsonSchema | undefined): JsonSchema | undefined {
    const resolved = this.resolve(schema);
    if (!resolved) return undefined;
    if (resolved.items) return resolved.items;
    if (resolved.prefixItems?.[0]) return resolved.prefixItems[0];
    for (const part of [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])]) {
      const found = this.items(part);
      if (found) return found;
    }
    return undefined;
  }

  resolve(schema: JsonSchema | undefined, depth = 0): JsonSchema | undefined {
    if (!schema || depth > MAX_DEPTH) return schema;
    if (typeof schema.$ref !== 'string') return schema;
    const target = resolvePointer(this.model.schemaDocument, schema.$ref) as JsonSchema | undefined;
    return this.resolve(target, depth + 1);
  }

  private isOpenObject(schema: JsonSchema): boolean {
    const resolved = this.resolve(schema);
    const type = resolved?.type;
    return type === 'object' || (Array.isArray(type) && type.includes('object'));
  }
}
