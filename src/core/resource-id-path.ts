import type { JsonSchema } from './json-schema.ts';
import { schemaTypes } from './json-schema.ts';

/** What the resource graph needs of a schema reader: `$ref`s resolved and `allOf` merged. */
export interface SchemaFlattener {
  flatten(schema: JsonSchema | undefined): JsonSchema;
}

// Envelopes servers wrap one item in, besides the resource's own name (`{"article": {...}}`).
const WRAPPERS = ['data', 'result', 'item', 'resource', 'entity', 'record'];
const MAX_DEPTH = 3;

/**
 * Where an identifier is in a response: `id` of an object, `slug` of `{"article": {...}}` as
 * `article.slug`, `0.id` of an array of objects, `data.id` of a wrapper. `fields` are tried in
 * order at each level; `wrappers` are the resource's own names (`article`, `articles`).
 */
export interface IdentifierOptions {
  fields: string[];
  wrappers: string[];
  /** The identifier's type when it must match (`string`, `integer`; integer and number agree). */
  type?: string;
}

export function idPathOf(
  schemas: SchemaFlattener,
  schema: JsonSchema | undefined,
  options: IdentifierOptions,
  depth = 0,
): string | undefined {
  if (!schema || depth > MAX_DEPTH) return undefined;
  const flat = schemas.flatten(schema);
  if (kindOf(flat) === 'array') {
    const inner = idPathOf(schemas, flat.items, options, depth + 1);
    return inner === undefined ? undefined : `0.${inner}`;
  }
  const properties = flat.properties ?? {};
  const direct = options.fields.find(
    (field) =>
      field in properties &&
      isScalar(schemas, properties[field]) &&
      typeFits(schemas, properties[field], options),
  );
  if (direct) return direct;
  const names = Object.keys(properties);
  const wrappers = [
    ...options.wrappers,
    ...WRAPPERS,
    // A lone object property is an envelope whatever its name (`{"user": {...}}` for a profile).
    ...(names.length === 1 ? names : []),
  ];
  for (const wrapper of wrappers) {
    const inner = properties[wrapper]
      ? idPathOf(schemas, properties[wrapper], options, depth + 1)
      : undefined;
    if (inner !== undefined) return `${wrapper}.${inner}`;
  }
  return undefined;
}

/** Where a list response keeps its items: the body itself, or `items`/`data`/`results`/…. */
export function listShapeOf(
  schemas: SchemaFlattener,
  schema: JsonSchema | undefined,
  options: IdentifierOptions,
): { arrayPath: string; idPath: string | undefined } | undefined {
  if (!schema) return undefined;
  const flat = schemas.flatten(schema);
  if (kindOf(flat) === 'array')
    return { arrayPath: '', idPath: itemIdPath(schemas, flat.items, options, '') };
  for (const [name, property] of Object.entries(flat.properties ?? {})) {
    const resolved = schemas.flatten(property);
    if (kindOf(resolved) === 'array')
      return { arrayPath: name, idPath: itemIdPath(schemas, resolved.items, options, `${name}.`) };
  }
  return undefined;
}

/** `0.id` of a list of objects; `0` of a list of bare names (`["a.txt", "b.txt"]`). */
function itemIdPath(
  schemas: SchemaFlattener,
  items: JsonSchema | undefined,
  options: IdentifierOptions,
  prefix: string,
): string | undefined {
  if (items && isScalar(schemas, items) && kindOf(schemas.flatten(items)) === 'string') return `${prefix}0`;
  const inner = idPathOf(schemas, items, options);
  return inner === undefined ? undefined : `${prefix}0.${inner}`;
}

function typeFits(
  schemas: SchemaFlattener,
  schema: JsonSchema | undefined,
  options: IdentifierOptions,
): boolean {
  if (options.type === undefined) return true;
  const numeric = (type: string) => (type === 'integer' || type === 'number' ? 'number' : type);
  return numeric(kindOf(schemas.flatten(schema))) === numeric(options.type);
}

function isScalar(schemas: SchemaFlattener, schema: JsonSchema | undefined): boolean {
  const kind = kindOf(schemas.flatten(schema));
  return kind !== 'object' && kind !== 'array';
}

/** The schema's main type; untyped schemas are read from their keywords. */
export function kindOf(schema: JsonSchema): string {
  const types = schemaTypes(schema).filter((type) => type !== 'null');
  if (types[0]) return types[0];
  if (schema.properties || schema.additionalProperties !== undefined) return 'object';
  if (schema.items) return 'array';
  return 'string';
}
