import type { ResourceKind } from '../../core/resource-graph.ts';
import type { ApiTestCase, RequestSpec, ResourceUse, Step, ValueExpr } from '../../core/test-case.ts';
import { act, makeCase, responseAssertions, successStatus } from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';
import { updatedField } from './stateful-cases.ts';

/**
 * "A write acts only on what it names": with two resources of the same kind, an update of one
 * leaves the other's fields as they were, and a delete of one leaves the other readable. A
 * server that drops the identifier from its `WHERE` changes or deletes every row, which the
 * lifecycle of a single resource cannot see. A separate case, so that an API which allows one
 * resource of a kind per user loses this check only, not the lifecycle.
 */
export function isolationCase(context: GenerationContext, kind: ResourceKind): ApiTestCase | undefined {
  if (!kind.read || !kind.create || !kind.createIdPath || kind.parentParams.length > 0) return undefined;
  if (!context.graph.isObtainable(kind)) return undefined;
  const other: ResourceUse = { alias: `other_${kind.name}`, resource: kind.name };
  const readOther: RequestSpec = {
    ...context.requests.build(kind.read).request,
    pathParams: { [kind.idParam]: { kind: 'resource', alias: other.alias, field: 'id' } },
  };
  const readStatus = successStatus(kind.read);
  const steps: Step[] = [];
  const uses: ResourceUse[] = [];
  const update = kind.update ? context.requests.build(kind.update) : undefined;
  const field = update ? updatedField(context, kind) : undefined;
  if (
    update &&
    field &&
    update.request.body?.kind === 'json' &&
    update.request.body.value.kind === 'object'
  ) {
    const value = context.requests.uniqueFor(field.name, field.schema)!;
    const body: ValueExpr = {
      kind: 'object',
      entries: { ...update.request.body.value.entries, [field.name]: value },
    };
    steps.push(
      act(`read the other ${kind.name}`, readOther, [{ kind: 'status', oneOf: [readStatus] }], {
        phase: 'arrange',
        saves: [{ name: 'other_before', path: field.name, from: 'response' }],
      }),
      act(
        `update "${field.name}" of one ${kind.name}`,
        { ...update.request, body: { kind: 'json', value: body } },
        [...responseAssertions(kind.update!, [successStatus(kind.update!)])],
      ),
      act(`read the other ${kind.name} after the update`, readOther, [
        { kind: 'status', oneOf: [readStatus] },
        { kind: 'field-equals', path: field.name, value: { kind: 'saved', name: 'other_before' } },
      ]),
    );
    uses.push(...update.uses);
  }
  if (kind.remove) {
    const remove = context.requests.build(kind.remove);
    steps.push(
      act(`delete one ${kind.name}`, remove.request, [
        { kind: 'status', oneOf: [successStatus(kind.remove)] },
      ]),
      act(
        `read the other ${kind.name} after the delete`,
        readOther,
        responseAssertions(kind.read, [readStatus]),
      ),
    );
    uses.push(...remove.uses);
  }
  if (steps.length === 0) return undefined;
  const phases = [...(field ? ['an update'] : []), ...(kind.remove ? ['a delete'] : [])].join(' and ');
  return makeCase({
    title: `${kind.name}: ${phases} of one ${kind.name} leave${phases.includes(' and ') ? '' : 's'} another unchanged`,
    kind: 'stateful',
    operation: kind.update ?? kind.remove!,
    steps,
    uses: [...uniqueUses(uses), other],
    priority: 'normal',
    covers: [],
    writesByResources: true,
  });
}

function uniqueUses(uses: ResourceUse[]): ResourceUse[] {
  return uses.filter((use, index) => uses.findIndex((first) => first.alias === use.alias) === index);
}
