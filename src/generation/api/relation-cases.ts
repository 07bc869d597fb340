import type { ResourceRelation } from '../../core/resource-graph.ts';
import { staticSegments } from '../../core/resource-names.ts';
import type { ApiTestCase, RequestSpec, ResourceUse, Step, ValueExpr } from '../../core/test-case.ts';
import { act, makeCase, responseAssertions, successStatus, usesOf, withField } from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';

/**
 * "A relation read answers what is linked, and only that", with two parents of the test's own so
 * that an answer about the wrong row cannot pass:
 * - many (`GET /authors/{id}/books`): a new parent has no children (an empty list, not `[{}]`);
 *   a child linked to the other parent is not listed under the first, and is the only one listed
 *   under its own.
 * - one (`GET /books/{id}/author`): two children, linked to the first and to the second parent;
 *   each answers its own parent, not the first one found.
 * Children are created by the steps (tracked, so removed before their parents).
 */
export function relationCase(
  context: GenerationContext,
  relation: ResourceRelation,
): ApiTestCase | undefined {
  const { child, parent, read } = relation;
  if (!child.create || !child.createIdPath || !context.graph.isObtainable(parent)) return undefined;
  const created = context.requests.build(child.create, { exclude: child.name });
  const body = created.request.body;
  if (body?.kind !== 'json' || body.value.kind !== 'object') return undefined;
  const first: ResourceUse = { alias: parent.name, resource: parent.name };
  const other: ResourceUse = { alias: `other_${parent.name}`, resource: parent.name };
  const refer = (use: ResourceUse): ValueExpr => ({ kind: 'resource', alias: use.alias, field: 'id' });
  const createChild = (title: string, use: ResourceUse, saved: string): Step =>
    act(
      title,
      {
        ...created.request,
        body: { kind: 'json', value: withField(body.value, [relation.field], refer(use)) },
      },
      [{ kind: 'status', oneOf: [successStatus(child.create!)] }],
      {
        phase: 'arrange',
        saves: [
          {
            name: saved,
            path: child.createIdPath!,
            from: child.createIdFrom === 'request' ? 'body' : 'response',
          },
        ],
        track: { resource: child.name, saved },
      },
    );
  const built = context.requests.build(read);
  const from = relation.cardinality === 'many' ? parent : child;
  const readOf = (value: ValueExpr): RequestSpec => ({
    ...built.request,
    pathParams: { ...built.request.pathParams, [from.idParam]: value },
  });
  const ok = responseAssertions(read, [successStatus(read)]);
  const steps =
    relation.cardinality === 'many'
      ? manySteps(relation, readOf, ok, createChild, first, other, refer)
      : oneSteps(relation, readOf, ok, createChild, first, other, refer);
  const candidates = context.graph.kinds.map((kind) => ({ alias: kind.name, resource: kind.name }));
  // What the child's create needs besides the parent (a review's book needs nothing more here,
  // but a VM's flavour would), then the two parents.
  const needs = [
    ...created.uses,
    ...usesOf(built.request, candidates).filter((use) => use.resource !== from.name),
  ].filter((use) => use.resource !== parent.name && use.resource !== child.name);
  return makeCase({
    title:
      relation.cardinality === 'many'
        ? `${read.key} lists only the ${staticSegments(read.path).at(-1)} of its own ${parent.name}, none for a new one`
        : `${read.key} answers the ${parent.name} each ${child.name} is linked to`,
    kind: 'stateful',
    operation: read,
    steps,
    uses: [...unique(needs), first, other],
    priority: 'normal',
    covers: [],
    writesByResources: true,
  });
}

type CreateChild = (title: string, use: ResourceUse, saved: string) => Step;
type Refer = (use: ResourceUse) => ValueExpr;

function manySteps(
  relation: ResourceRelation,
  readOf: (value: ValueExpr) => RequestSpec,
  ok: ReturnType<typeof responseAssertions>,
  createChild: CreateChild,
  first: ResourceUse,
  other: ResourceUse,
  refer: Refer,
): Step[] {
  const { child, parent } = relation;
  const list = relation.arrayPath ?? '';
  const none = { kind: 'array-length' as const, path: list, max: 0 };
  return [
    act(`list the ${child.name}s of a new ${parent.name}`, readOf(refer(first)), [...ok, none]),
    createChild(`create a ${child.name} of another ${parent.name}`, other, 'other_child'),
    act(`list the ${child.name}s of the first ${parent.name} again`, readOf(refer(first)), [...ok, none]),
    act(`list the ${child.name}s of the other ${parent.name}`, readOf(refer(other)), [
      ...ok,
      { kind: 'array-length', path: list, min: 1, max: 1 },
      { kind: 'field-equals', path: relation.idPath, value: { kind: 'saved', name: 'other_child' } },
    ]),
  ];
}

function oneSteps(
  relation: ResourceRelation,
  readOf: (value: ValueExpr) => RequestSpec,
  ok: ReturnType<typeof responseAssertions>,
  createChild: CreateChild,
  first: ResourceUse,
  other: ResourceUse,
  refer: Refer,
): Step[] {
  const { child, parent } = relation;
  const linked = (use: ResourceUse) => ({
    kind: 'field-equals' as const,
    path: relation.idPath,
    value: refer(use),
  });
  return [
    createChild(`create a ${child.name} of one ${parent.name}`, first, 'first_child'),
    createChild(`create a ${child.name} of another ${parent.name}`, other, 'other_child'),
    act(
      `read the ${parent.name} of the second ${child.name}`,
      readOf({ kind: 'saved', name: 'other_child' }),
      [...ok, linked(other)],
    ),
    act(
      `read the ${parent.name} of the first ${child.name}`,
      readOf({ kind: 'saved', name: 'first_child' }),
      [...ok, linked(first)],
    ),
  ];
}

function unique(uses: ResourceUse[]): ResourceUse[] {
  return uses.filter((use, index) => uses.findIndex((earlier) => earlier.alias === use.alias) === index);
}
