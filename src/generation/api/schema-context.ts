import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import type { ApiModel } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import { resolvePointer } from '../../core/json-pointer.ts';
import { validationCopy } from './validation-copy.ts';

const DOCUMENT_ID = 'testops:spec';
const MAX_REF_HOPS = 32;
// ajv-formats is CommonJS with a default export; under NodeNext the ESM import arrives wrapped.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv) => Ajv;

/**
 * Resolves references into the model's schema document and checks values against schemas, so
 * every value the generator emits as valid is valid and every "invalid" one really is invalid.
 */
export class SchemaContext {
  readonly #document: ApiModel['schemaDocument'];
  readonly #ajv: Ajv;
  readonly #validators = new WeakMap<object, ValidateFunction | null>();

  constructor(model: Pick<ApiModel, 'schemaDocument' | 'schemaDialect'>) {
    this.#document = model.schemaDocument;
    const options = {
      strict: false,
      allErrors: false,
      validateFormats: true,
      logger: false as const,
      validateSchema: false,
    };
    this.#ajv = model.schemaDialect === '2020-12' ? new Ajv2020(options) : new Ajv(options);
    addFormats(this.#ajv);
    registerOpenApiFormats(this.#ajv);
    this.#ajv.addSchema({ $id: DOCUMENT_ID, ...validationCopy(this.#document) } as object);
  }

  /** Follows `$ref` chains; an unresolvable or cyclic chain yields `{}` (anything). */
  resolve(schema: JsonSchema | undefined): JsonSchema {
    let current: JsonSchema = schema ?? {};
    for (let hops = 0; typeof current.$ref === 'string'; hops++) {
      const target = hops < MAX_REF_HOPS ? resolvePointer(this.#document, current.$ref) : undefined;
      if (target === undefined || target === null || typeof target !== 'object') return {};
      current = target as JsonSchema;
    }
    return current;
  }

  /** The schema with `allOf` merged in (properties and required united), refs resolved. */
  flatten(schema: JsonSchema | undefined, depth = 0): JsonSchema {
    const resolved = this.resolve(schema);
    if (!resolved.allOf || depth > 8) return resolved;
    const { allOf, ...rest } = resolved;
    let merged: JsonSchema = { ...rest };
    for (const part of allOf) {
      const flat = this.flatten(part, depth + 1);
      merged = {
        ...flat,
        ...merged,
        properties: { ...(flat.properties ?? {}), ...(merged.properties ?? {}) },
        required: [...new Set([...(flat.required ?? []), ...(merged.required ?? [])])],
      };
      if (!merged.type && flat.type) merged.type = flat.type;
    }
    if (Object.keys(merged.properties ?? {}).length === 0) delete merged.properties;
    if ((merged.required ?? []).length === 0) delete merged.required;
    return merged;
  }

  /** True when the value satisfies the schema; undefined when the schema cannot be compiled. */
  isValid(schema: JsonSchema, value: unknown): boolean | undefined {
    const validate = this.#validator(schema);
    return validate ? validate(value) : undefined;
  }

  #validator(schema: JsonSchema): ValidateFunction | null {
    const cached = this.#validators.get(schema);
    if (cached !== undefined) return cached;
    let validate: ValidateFunction | null;
    try {
      validate = this.#ajv.compile(anchorReferences(validationCopy(schema)) as object);
    } catch {
      validate = null;
    }
    this.#validators.set(schema, validate);
    return validate;
  }
}

/** Local refs of a detached schema point into the shared document registered under its id. */
function anchorReferences(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(anchorReferences);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `${DOCUMENT_ID}${value}`
        : anchorReferences(value),
    ]),
  );
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Formats OpenAPI documents use beyond JSON Schema's; unknown ones are not enforced. */
export function registerOpenApiFormats(ajv: Ajv): void {
  ajv.addFormat('uuid4', UUID_V4);
  for (const name of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) {
    ajv.addFormat(name, true);
  }
}
