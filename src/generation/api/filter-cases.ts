import type { ApiOperation, ApiParameter } from '../../core/api-model.ts';
import { successResponse } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import type { ResourceKind } from '../../core/resource-graph.ts';
import type { ApiTestCase, Assertion, ResourceUse, Step, ValueExpr } from '../../core/test-case.ts';
import { act, literal, makeCase, successStatus } from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';
import { LIMIT } from './pagination-cases.ts';
import { primaryType } from './sample-value.ts';
import { updatedField } from './stateful-cases.ts';
import { samePath } from '../../core/resource-names.ts';

/** What a comparison operator's name means, by its usual spellings. */
type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'in' | 'nin' | 'like';

const OPERATORS: Record<string, Comparison> = {
  eq: 'eq',
  equals: 'eq',
  ne: 'ne',
  neq: 'ne',
  gt: 'gt',
  gte: 'ge',
  ge: 'ge',
  lt: 'lt',
  lte: 'le',
  le: 'le',
  in: 'in',
  nin: 'nin',
  like: 'like',
  ilike: 'like',
};

/**
 * Whether an item whose field holds `v` is answered when the filter is given `v` itself: the
 * one thing each operator's name settles whatever the data, collation or type. `in`/`nin` get a
 * list of one value (no separator to guess); a `like` pattern with no wildcard of ours matches
 * its own text (an `_` or `%` in it only widens the match).
 */
const MATCHES_ITSELF: Record<Comparison, boolean> = {
  eq: true,
  ne: false,
  gt: false,
  ge: true,
  lt: false,
  le: true,
  in: true,
  nin: false,
  like: true,
};

const STRING_ONLY: Comparison[] = ['like'];
const MAX_FIELDS = 2;

/** A query parameter read as a filter: `where.title.eq`, `title[gte]`, `filter[title][in]`, `title__lt`. */
export interface FilterParameter {
  parameter: ApiParameter;
  field: string;
  comparison: Comparison;
  /** The operator as the parameter spells it (`gte`, where `comparison` is `ge`). */
  spelled: string;
}

export function filterParameterOf(parameter: ApiParameter): FilterParameter | undefined {
  if (parameter.in !== 'query') return undefined;
  const tokens = parameter.name.split(/\.|\[|\]|__/).filter(Boolean);
  if (tokens.length < 2) return undefined;
  const spelled = tokens.at(-1)!;
  const comparison = OPERATORS[spelled.toLowerCase()];
  return comparison ? { parameter, field: tokens.at(-2)!, comparison, spelled } : undefined;
}

/**
 * "A filter answers what its operator's name says": the list operation of a kind, narrowed to a
 * resource of the test's own by an equality filter on its identifier (a second resource of the
 * kind makes an ignored filter visible), is given each documented comparison on a field the
 * create sets, with the value that resource holds: `eq`, `gte`, `lte`, `in` and `like` must still
 * answer it, and only it; `ne`, `gt`, `lt` and `nin` must answer nothing. Only fields that are
 * plain strings (no format: dates and times may come back in another precision than they are
 * compared in) or integers, and only operators the document lists for that field.
 */
export function filterCase(context: GenerationContext, operation: ApiOperation): ApiTestCase | undefined {
  const list = ownList(context, operation);
  if (!list) return undefined;
  const { kind, shape, prefix, idField, item } = list;
  const filters = operation.parameters
    .map(filterParameterOf)
    .filter((filter): filter is FilterParameter => filter !== undefined && filter.field in item);
  const byId = filters.find((filter) => filter.field === idField && filter.comparison === 'eq');
  if (!byId) return undefined;
  const fields = comparableFields(context, kind, item, idField).filter((field) =>
    filters.some((filter) => filter.field === field.name),
  );
  if (fields.length === 0) return undefined;

  const base = context.requests.build(operation);
  const own: ResourceUse = { alias: kind.name, resource: kind.name };
  const other: ResourceUse = { alias: `other_${kind.name}`, resource: kind.name };
  const ownId: ValueExpr = { kind: 'resource', alias: own.alias, field: 'id' };
  const status = successStatus(operation);
  const answers = (count: 0 | 1): Assertion[] => [
    { kind: 'status', oneOf: [status] },
    { kind: 'array-length', path: shape.arrayPath, min: count, max: count },
    ...(count === 1 ? [{ kind: 'field-equals' as const, path: shape.idPath!, value: ownId }] : []),
  ];
  const listWith = (query: Record<string, ValueExpr>) => ({
    ...base.request,
    query: { ...base.request.query, [byId.parameter.name]: ownId, ...query },
  });
  const steps: Step[] = [
    act(`${operation.key} with ${byId.parameter.name} of one ${kind.name}`, listWith({}), answers(1), {
      phase: 'arrange',
      saves: fields.map((field) => ({ name: field.name, path: `${prefix}${field.name}`, from: 'response' })),
    }),
  ];
  for (const field of fields) {
    for (const filter of filters) {
      if (filter.field !== field.name) continue;
      if (STRING_ONLY.includes(filter.comparison) && field.type !== 'string') continue;
      const value: ValueExpr = { kind: 'saved', name: field.name };
      const expected = MATCHES_ITSELF[filter.comparison] ? 1 : 0;
      steps.push(
        act(
          `${operation.key} with ${filter.parameter.name} its own ${field.name}: ${expected === 1 ? `the ${kind.name}` : 'nothing'}`,
          listWith({ [filter.parameter.name]: value }),
          answers(expected),
        ),
      );
    }
  }
  if (steps.length === 1) return undefined;
  const names = fields.map((field) => field.name).join(' and ');
  return makeCase({
    title: `${operation.key} filters by ${names} as each documented operator says`,
    kind: 'pagination',
    operation,
    steps,
    uses: [...base.uses, own, other],
    priority: 'normal',
    covers: [`${operation.key} ${status}`],
    writesByResources: true,
  });
}

/**
 * "Ordering answers the ends of the list": with two resources of the test's own, the first item
 * of a list ordered by a field descending (`orderby.id=desc`, one item per page) is one that no
 * item exceeds on that field (`where.id.gt` answers nothing), and the first ascending one that no
 * item precedes (`where.id.lt` answers nothing). Both read the same field in the same server, so
 * they agree whatever the data; a server that ignores the direction, or the ordering, answers
 * the same first item both ways, which the other filter then still finds. The identifier when
 * it can be ordered so, else an integer field.
 */
export function orderCase(context: GenerationContext, operation: ApiOperation): ApiTestCase | undefined {
  const list = ownList(context, operation);
  if (!list) return undefined;
  const { kind, shape, prefix, idField, item } = list;
  const query = operation.parameters.filter((parameter) => parameter.in === 'query');
  const limit = query.find((parameter) => LIMIT.test(parameter.name));
  if (!limit) return undefined;
  const filters = query
    .map(filterParameterOf)
    .filter((filter): filter is FilterParameter => filter !== undefined && filter.field in item);
  const candidates = [
    idField,
    ...Object.keys(item).filter((name) => primaryType(context.schemas.flatten(item[name])) === 'integer'),
  ];
  for (const field of candidates) {
    const order = query.find((parameter) => orderParameterField(context, parameter) === field);
    const above = filters.find((filter) => filter.field === field && filter.comparison === 'gt');
    const below = filters.find((filter) => filter.field === field && filter.comparison === 'lt');
    if (!order || !above || !below) continue;
    const directions = directionsOf(context, order)!;
    const base = context.requests.build(operation);
    const status = successStatus(operation);
    const request = (extra: Record<string, ValueExpr>) => ({
      ...base.request,
      query: { ...base.request.query, ...extra },
    });
    const end = (direction: string, saved: string, filter: FilterParameter, word: string): Step[] => [
      act(
        `${operation.key} with ${order.name}=${direction} and ${limit.name}=1`,
        request({ [order.name]: literal(direction), [limit.name]: literal(1) }),
        [
          { kind: 'status', oneOf: [status] },
          { kind: 'array-length', path: shape.arrayPath, min: 1, max: 1 },
        ],
        { saves: [{ name: saved, path: `${prefix}${field}`, from: 'response' }] },
      ),
      act(
        `${operation.key} with ${filter.parameter.name} that ${field}: nothing ${word} it`,
        request({ [filter.parameter.name]: { kind: 'saved', name: saved } }),
        [
          { kind: 'status', oneOf: [status] },
          { kind: 'array-length', path: shape.arrayPath, min: 0, max: 0 },
        ],
      ),
    ];
    return makeCase({
      title: `${operation.key} ordered by ${field} answers the greatest first descending, the least ascending`,
      kind: 'pagination',
      operation,
      steps: [
        ...end(directions.descending, 'greatest', above, 'above'),
        ...end(directions.ascending, 'least', below, 'below'),
      ],
      uses: [
        ...base.uses,
        { alias: kind.name, resource: kind.name },
        { alias: `other_${kind.name}`, resource: kind.name },
      ],
      priority: 'normal',
      covers: [`${operation.key} ${status}`],
      writesByResources: true,
    });
  }
  return undefined;
}

const ORDER_PREFIX = /^(order_?by|sort_?by|sort|order)$/i;

/** The field an ordering parameter such as `orderby.id` or `sort[id]` names, when it takes asc/desc. */
function orderParameterField(context: GenerationContext, parameter: ApiParameter): string | undefined {
  if (parameter.in !== 'query') return undefined;
  const tokens = parameter.name.split(/\.|\[|\]/).filter(Boolean);
  if (tokens.length !== 2 || !ORDER_PREFIX.test(tokens[0]!)) return undefined;
  return directionsOf(context, parameter) ? tokens[1] : undefined;
}

function directionsOf(
  context: GenerationContext,
  parameter: ApiParameter,
): { ascending: string; descending: string } | undefined {
  const values = (context.schemas.flatten(parameter.schema).enum ?? []).filter(
    (value): value is string => typeof value === 'string',
  );
  const ascending = values.find((value) => /^asc(ending)?$/i.test(value));
  const descending = values.find((value) => /^desc(ending)?$/i.test(value));
  return ascending && descending ? { ascending, descending } : undefined;
}

/**
 * "A write on a collection narrowed by a filter changes what the filter names, and only that"
 * (`PUT /books?where.id.eq=…`, PostgREST-like bulk updates): with two resources of the test's
 * own, a field of one is changed through the collection with an equality filter on its
 * identifier; the answer lists that one alone, with the value sent, and the other, read after,
 * kept its own.
 */
export function filteredWriteCase(
  context: GenerationContext,
  operation: ApiOperation,
): ApiTestCase | undefined {
  if (operation.method !== 'put' && operation.method !== 'patch') return undefined;
  const list = ownCollection(context, operation);
  const read = list?.kind.read;
  if (!list || !read) return undefined;
  const { kind, shape, prefix, idField, item } = list;
  const byId = operation.parameters
    .map(filterParameterOf)
    .find((filter) => filter?.field === idField && filter.comparison === 'eq');
  const field = byId && updatedField(context, kind, operation);
  if (!byId || !field || !(field.name in item)) return undefined;
  const built = context.requests.build(operation);
  const body = built.request.body;
  const value = context.requests.uniqueFor(field.name, field.schema);
  if (body?.kind !== 'json' || body.value.kind !== 'object' || !value) return undefined;
  const own: ResourceUse = { alias: kind.name, resource: kind.name };
  const other: ResourceUse = { alias: `other_${kind.name}`, resource: kind.name };
  const ownId: ValueExpr = { kind: 'resource', alias: own.alias, field: 'id' };
  const readOther = {
    ...context.requests.build(read).request,
    pathParams: { [kind.idParam]: { kind: 'resource' as const, alias: other.alias, field: 'id' } },
  };
  const readStatus = successStatus(read);
  const status = successStatus(operation);
  const steps: Step[] = [
    act(`read the other ${kind.name}`, readOther, [{ kind: 'status', oneOf: [readStatus] }], {
      phase: 'arrange',
      saves: [{ name: 'other_before', path: field.name, from: 'response' }],
    }),
    act(
      `${operation.key} with ${byId.parameter.name} of one ${kind.name}, a new "${field.name}"`,
      {
        ...built.request,
        query: { ...built.request.query, [byId.parameter.name]: ownId },
        body: {
          kind: 'json',
          value: { kind: 'object', entries: { ...body.value.entries, [field.name]: value } },
        },
      },
      [
        { kind: 'status', oneOf: [status] },
        { kind: 'array-length', path: shape.arrayPath, min: 1, max: 1 },
        { kind: 'field-equals', path: shape.idPath, value: ownId },
        { kind: 'field-echoes', path: `${prefix}${field.name}`, bodyPath: field.name },
      ],
    ),
    act(`read the other ${kind.name} after the write`, readOther, [
      { kind: 'status', oneOf: [readStatus] },
      { kind: 'field-equals', path: field.name, value: { kind: 'saved', name: 'other_before' } },
    ]),
  ];
  return makeCase({
    title: `${operation.key} with ${byId.parameter.name} changes that ${kind.name} alone`,
    kind: 'stateful',
    operation,
    steps,
    uses: [...built.uses.filter((use) => use.resource !== kind.name), own, other],
    priority: 'normal',
    covers: [`${operation.key} ${status}`],
    writesByResources: true,
  });
}

/** The list of a kind whose resources a test can own, and where its items and identifiers are. */
function ownList(context: GenerationContext, operation: ApiOperation) {
  if (operation.method !== 'get') return undefined;
  const list = ownCollection(context, operation);
  return list && list.kind.list?.key === operation.key ? list : undefined;
}

/** An operation on the collection of a kind a test can own, answering a list of its items. */
function ownCollection(context: GenerationContext, operation: ApiOperation) {
  const kind = context.graph.kindOfCollection(operation.path);
  if (!kind || !samePath(kind.collectionPath, operation.path) || !ownable(context, kind)) return undefined;
  const shape = context.graph.listShapeOf(operation);
  if (!shape?.idPath) return undefined;
  const prefix = shape.arrayPath ? `${shape.arrayPath}.0.` : '0.';
  if (!shape.idPath.startsWith(prefix)) return undefined;
  const idField = shape.idPath.slice(prefix.length);
  const item = itemProperties(context, operation, shape.arrayPath);
  if (!item || idField.includes('.') || !(idField in item)) return undefined;
  return { kind, shape: { arrayPath: shape.arrayPath, idPath: shape.idPath }, prefix, idField, item };
}

/** Two resources of the test's own, made and removed by fixtures. */
function ownable(context: GenerationContext, kind: ResourceKind): boolean {
  return (
    kind.create !== undefined &&
    kind.createIdPath !== undefined &&
    kind.remove !== undefined &&
    kind.parentParams.length === 0 &&
    kind.keyPaths === undefined &&
    context.graph.isObtainable(kind)
  );
}

function itemProperties(
  context: GenerationContext,
  operation: ApiOperation,
  arrayPath: string,
): Record<string, JsonSchema> | undefined {
  const body = context.schemas.flatten(successResponse(operation)?.schema);
  const list = arrayPath ? context.schemas.flatten(body.properties?.[arrayPath]) : body;
  if (primaryType(list) !== 'array') return undefined;
  return context.schemas.flatten(list.items as JsonSchema).properties;
}

/**
 * Fields the create sets (so the resource holds a value), answered by the list as a plain string
 * or an integer: the first of each type, so a case stays short.
 */
function comparableFields(
  context: GenerationContext,
  kind: ResourceKind,
  item: Record<string, JsonSchema>,
  idField: string,
): { name: string; type: 'string' | 'integer' }[] {
  const create = context.requests.build(kind.create!, { exclude: kind.name }).request.body;
  if (create?.kind !== 'json' || create.value.kind !== 'object') return [];
  const sent = new Set(Object.keys(create.value.entries));
  const chosen: { name: string; type: 'string' | 'integer' }[] = [];
  for (const [name, schema] of Object.entries(item)) {
    if (name === idField || !sent.has(name) || chosen.length >= MAX_FIELDS) continue;
    const flat = context.schemas.flatten(schema);
    const type = primaryType(flat);
    const plain =
      (type === 'string' && flat.format === undefined && flat.enum === undefined) || type === 'integer';
    if (!plain || chosen.some((field) => field.type === type)) continue;
    chosen.push({ name, type: type as 'string' | 'integer' });
  }
  return chosen;
}
