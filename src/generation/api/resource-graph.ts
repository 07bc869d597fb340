import type { ApiModel, ApiOperation } from '../../core/api-model.ts';
import { successResponse } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import type { SchemaContext } from './schema-context.ts';
import { primaryType } from './sample-value.ts';

/** A kind of thing the API manages, found from its paths: `/disks` + `/disks/{disk_id}`. */
export interface ResourceKind {
  name: string;
  collectionPath: string;
  itemPath: string;
  idParam: string;
  create: ApiOperation | undefined;
  /** Where the new id is in the create response: `id`, `0.id`, `data.id`. */
  createIdPath: string | undefined;
  read: ApiOperation | undefined;
  update: ApiOperation | undefined;
  remove: ApiOperation | undefined;
  list: ApiOperation | undefined;
  /** Where the first item's id is in the list response: `items.0.id`, `0.id`. */
  listIdPath: string | undefined;
  /** Where the array of items is in the list response: `items`, `` (the body itself). */
  listArrayPath: string | undefined;
}

export class ResourceGraph {
  readonly kinds: ResourceKind[];

  constructor(model: ApiModel, context: SchemaContext) {
    this.kinds = discoverKinds(model, context);
  }

  byName(name: string): ResourceKind | undefined {
    return this.kinds.find((kind) => kind.name === name);
  }

  /** The kind an id-like field or parameter refers to: `vm_id` → vm, `disk_id` → disk. */
  kindOfField(field: string): ResourceKind | undefined {
    const stem = idStem(field);
    return stem ? this.byName(stem) : undefined;
  }

  /** The kind a collection path manages, whichever version prefix it has. */
  kindOfCollection(path: string): ResourceKind | undefined {
    const last = staticSegments(path).at(-1);
    return last ? this.byName(singular(last)) : undefined;
  }

  /** The kind whose item a path parameter names: by its name, or by the segment before it. */
  kindOfPathParameter(operation: ApiOperation, parameter: string): ResourceKind | undefined {
    const byField = this.kindOfField(parameter);
    if (byField) return byField;
    const segments = operation.path.split('/');
    const index = segments.indexOf(`{${parameter}}`);
    const previous = index > 0 ? segments[index - 1] : undefined;
    return previous && !previous.startsWith('{') ? this.byName(singular(previous)) : undefined;
  }

  /** Usable in fixtures: can be created (and removed), or at least found in a list. */
  isObtainable(kind: ResourceKind): boolean {
    return (kind.create !== undefined && kind.createIdPath !== undefined) || kind.listIdPath !== undefined;
  }
}

function discoverKinds(model: ApiModel, context: SchemaContext): ResourceKind[] {
  const byKey = new Map(
    model.operations.map((operation) => [`${operation.method} ${operation.path}`, operation]),
  );
  const kinds = new Map<string, ResourceKind>();
  for (const operation of model.operations) {
    const match = /^(.*)\/\{([^}]+)\}$/.exec(operation.path);
    if (!match) continue;
    const [, collectionPath, idParam] = match as unknown as [string, string, string];
    const last = staticSegments(collectionPath).at(-1);
    if (!last || kinds.has(singular(last))) continue;
    const name = singular(last);
    const create = byKey.get(`post ${collectionPath}`);
    const list = byKey.get(`get ${collectionPath}`);
    const listShape = list ? listShapeOf(context, list) : undefined;
    kinds.set(name, {
      name,
      collectionPath,
      itemPath: operation.path,
      idParam,
      create,
      createIdPath: create ? idPathOf(context, successResponse(create)?.schema) : undefined,
      read: byKey.get(`get ${operation.path}`),
      update: byKey.get(`put ${operation.path}`) ?? byKey.get(`patch ${operation.path}`),
      remove: byKey.get(`delete ${operation.path}`),
      list,
      listIdPath: listShape?.idPath,
      listArrayPath: listShape?.arrayPath,
    });
  }
  for (const kind of linkedKinds(model, context, kinds)) kinds.set(kind.name, kind);
  return [...kinds.values()];
}

/**
 * Create → read pairs declared with OpenAPI links (`$response.body#/id` feeding `{petId}`),
 * for APIs whose paths do not follow the `/things` + `/things/{id}` convention.
 */
function linkedKinds(
  model: ApiModel,
  context: SchemaContext,
  known: Map<string, ResourceKind>,
): ResourceKind[] {
  const byOperationId = new Map(
    model.operations
      .filter((operation) => operation.operationId)
      .map((operation) => [operation.operationId!, operation]),
  );
  const found: ResourceKind[] = [];
  for (const create of model.operations.filter((operation) => operation.method === 'post')) {
    for (const link of successResponse(create)?.links ?? []) {
      const read = byOperationId.get(link.operationId);
      const entry = Object.entries(link.parameters).find(([, expression]) =>
        expression.startsWith('$response.body#/'),
      );
      if (!read || read.method !== 'get' || !entry) continue;
      const [idParam, expression] = entry;
      const name = idStem(idParam) ?? singular(staticSegments(read.path).at(-1) ?? idParam);
      if (known.has(name) || found.some((kind) => kind.name === name)) continue;
      const sibling = (method: string) =>
        model.operations.find((operation) => operation.path === read.path && operation.method === method);
      found.push({
        name,
        collectionPath: create.path,
        itemPath: read.path,
        idParam,
        create,
        createIdPath: expression.slice('$response.body#/'.length).split('/').join('.'),
        read,
        update: sibling('put') ?? sibling('patch'),
        remove: sibling('delete'),
        list: undefined,
        listIdPath: undefined,
        listArrayPath: undefined,
      });
    }
  }
  void context;
  return found;
}

/** `id` of an object, `0.id` of an array of objects, `data.id` of a wrapper. */
export function idPathOf(
  context: SchemaContext,
  schema: JsonSchema | undefined,
  depth = 0,
): string | undefined {
  if (!schema || depth > 2) return undefined;
  const flat = context.flatten(schema);
  const type = primaryType(flat);
  if (type === 'array') {
    const inner = idPathOf(context, flat.items, depth + 1);
    return inner === undefined ? undefined : `0.${inner}`;
  }
  const properties = flat.properties ?? {};
  if ('id' in properties) return 'id';
  for (const wrapper of ['data', 'result', 'item']) {
    if (properties[wrapper]) {
      const inner = idPathOf(context, properties[wrapper], depth + 1);
      if (inner !== undefined) return `${wrapper}.${inner}`;
    }
  }
  return undefined;
}

/** Where a list response keeps its items: the body itself, or `items`/`data`/`results`/…. */
export function listShapeOf(
  context: SchemaContext,
  operation: ApiOperation,
): { arrayPath: string; idPath: string | undefined } | undefined {
  const schema = successResponse(operation)?.schema;
  if (!schema) return undefined;
  const flat = context.flatten(schema);
  if (primaryType(flat) === 'array') {
    const inner = idPathOf(context, flat.items);
    return { arrayPath: '', idPath: inner === undefined ? undefined : `0.${inner}` };
  }
  for (const [name, property] of Object.entries(flat.properties ?? {})) {
    const resolved = context.flatten(property);
    if (primaryType(resolved) === 'array') {
      const inner = idPathOf(context, resolved.items);
      return { arrayPath: name, idPath: inner === undefined ? undefined : `${name}.0.${inner}` };
    }
  }
  return undefined;
}

export function idStem(field: string): string | undefined {
  const snake = /^(.+?)_?(?:id|Id|ID)$/.exec(field);
  if (!snake?.[1]) return undefined;
  return singular(snake[1].replace(/_$/, '').toLowerCase());
}

function staticSegments(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment && !segment.startsWith('{') && !/^v\d+(\.\d+)*$/i.test(segment));
}

/** English plural to singular, good enough for resource names in paths. */
export function singular(word: string): string {
  const lower = word.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (/ies$/.test(lower)) return lower.slice(0, -3) + 'y';
  if (/(sses|shes|ches|xes|zes)$/.test(lower)) return lower.slice(0, -2);
  if (/ss$/.test(lower)) return lower;
  if (/s$/.test(lower) && lower.length > 2) return lower.slice(0, -1);
  return lower;
}
