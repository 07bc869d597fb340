import { documentedStatuses, successResponse, type ApiOperation } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import type {
  ApiTestCase,
  Assertion,
  RequestSpec,
  ResourceUse,
  Step,
  ValueExpr,
} from '../../core/test-case.ts';
import { act, makeCase, replaceResource, responseAssertions, successStatus, usesOf } from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';
import { echoAssertions } from './positive-cases.ts';
import type { ResourceKind } from '../../core/resource-graph.ts';
import { primaryType } from './sample-value.ts';

const SAVED_ID = 'id';

/**
 * create → read → update → read back → delete → read after delete, for every resource kind
 * the API lets us create. The created resource is tracked, so it is deleted even when a step fails.
 */
export function statefulCase(context: GenerationContext, kind: ResourceKind): ApiTestCase | undefined {
  if (!kind.create || !kind.createIdPath || !kind.read) return undefined;
  const created = context.requests.build(kind.create, { exclude: kind.name });
  const createBody = created.request.body?.kind === 'json' ? created.request.body.value : undefined;
  const withId = withSavedId(kind);
  const readRequest = withId(context.requests.build(kind.read).request);
  const steps: Step[] = [
    act(
      `create a ${kind.name}`,
      created.request,
      [
        ...responseAssertions(kind.create, [successStatus(kind.create)]),
        ...echoAssertions(context, kind.create, createBody),
      ],
      {
        saves: [
          savedIdentifier(kind),
          ...echoedScalars(createBody).map((key) => ({
            name: `sent_${key}`,
            path: `${bodyEnvelope(createBody)}${key}`,
            from: 'body' as const,
          })),
        ],
        track: { resource: kind.name, saved: SAVED_ID },
      },
    ),
    act(`read the new ${kind.name}`, readRequest, [
      ...responseAssertions(kind.read, [successStatus(kind.read)]),
      // The read shows the identifier and what was sent, inside the same envelope as the id.
      ...(kind.readIdPath
        ? [
            {
              kind: 'field-equals' as const,
              path: kind.readIdPath,
              value: { kind: 'saved' as const, name: SAVED_ID },
            },
            ...echoedScalars(createBody)
              .filter((key) => readShows(context, kind, key))
              .map((key) => ({
                kind: 'field-equals' as const,
                path: `${envelopeOf(kind.readIdPath!)}${key}`,
                value: { kind: 'saved' as const, name: `sent_${key}` },
              })),
          ]
        : []),
    ]),
  ];
  const phases = ['create', 'read'];
  const update = kind.update ? updateSteps(context, kind, withId, readRequest) : [];
  if (update.length > 0) phases.push('update', 'read back');
  steps.push(...update);
  if (kind.remove) {
    steps.push(...removeSteps(context, kind, withId, readRequest));
    phases.push('delete', 'read after delete');
  }
  if (steps.length < 3) return undefined;
  return makeCase({
    title: `${kind.name} lifecycle: ${phases.join(', ')}`,
    kind: 'stateful',
    operation: kind.create,
    steps,
    uses: stepUses(context, kind, created.uses, steps),
    priority: 'critical',
    covers: [kind.create, kind.read, kind.update, kind.remove].flatMap((operation) =>
      operation ? [`${operation.key} ${successStatus(operation)}`] : [],
    ),
    writesByResources: true,
  });
}

/**
 * create → delete → read after delete alone. The lifecycle checks the same delete at its end, but
 * stops at its first failing step: a read whose body breaks the document hides whether the
 * delete deletes. This one reads only the status.
 */
export function deleteCase(context: GenerationContext, kind: ResourceKind): ApiTestCase | undefined {
  if (!kind.create || !kind.createIdPath || !kind.read || !kind.remove) return undefined;
  const created = context.requests.build(kind.create, { exclude: kind.name });
  const withId = withSavedId(kind);
  const readRequest = withId(context.requests.build(kind.read).request);
  const steps: Step[] = [
    setUpCreate(kind, created.request),
    ...removeSteps(context, kind, withId, readRequest, { statusOnly: true }),
  ];
  return makeCase({
    title: `${kind.name} delete: create, delete, read after delete`,
    kind: 'stateful',
    operation: kind.remove,
    steps,
    uses: stepUses(context, kind, created.uses, steps),
    priority: 'critical',
    covers: [`${kind.remove.key} ${successStatus(kind.remove)}`],
    writesByResources: true,
  });
}

/**
 * create → update → read back alone. The lifecycle checks the same update, but stops at its first
 * failing step: a read whose body breaks the document hides whether an update is kept (a state
 * defect). This one reads the statuses and the changed field only.
 */
export function updateCase(context: GenerationContext, kind: ResourceKind): ApiTestCase | undefined {
  if (!kind.create || !kind.createIdPath || !kind.read || !kind.update) return undefined;
  const created = context.requests.build(kind.create, { exclude: kind.name });
  const withId = withSavedId(kind);
  const readRequest = withId(context.requests.build(kind.read).request);
  const update = updateSteps(context, kind, withId, readRequest, { statusOnly: true });
  if (update.length === 0) return undefined;
  const steps: Step[] = [setUpCreate(kind, created.request), ...update];
  return makeCase({
    title: `${kind.name} update: create, update, read back`,
    kind: 'stateful',
    operation: kind.update,
    steps,
    uses: stepUses(context, kind, created.uses, steps),
    priority: 'critical',
    covers: [`${kind.update.key} ${successStatus(kind.update)}`],
    writesByResources: true,
  });
}

/**
 * The create as a test's set-up, as a fixture's is: any success will do (its own test and the
 * lifecycle check the documented status), so that a create answering 201 where 200 is documented
 * still lets what follows be checked.
 */
function setUpCreate(kind: ResourceKind, request: RequestSpec): Step {
  return act(`create a ${kind.name}`, request, [{ kind: 'status', oneOf: setUpStatuses(kind.create!) }], {
    saves: [savedIdentifier(kind)],
    track: { resource: kind.name, saved: SAVED_ID },
  });
}

/** What a create made only as a set-up may answer: its documented success, 200 or 201. */
function setUpStatuses(create: ApiOperation): number[] {
  return [...new Set([successStatus(create), 200, 201])];
}

/** The create step's save of what it made: its identifier, from the answer or what was sent. */
function savedIdentifier(kind: ResourceKind): Step['saves'][number] {
  return {
    name: SAVED_ID,
    path: kind.createIdPath!,
    from: kind.createIdFrom === 'request' ? 'body' : 'response',
  };
}

/** A request on the item the create step made, named by the identifier it saved. */
function withSavedId(kind: ResourceKind): (request: RequestSpec) => RequestSpec {
  return (request) => ({
    ...request,
    pathParams: { ...request.pathParams, [kind.idParam]: { kind: 'saved', name: SAVED_ID } },
  });
}

/** Other resources a step needs (an update naming a related resource, a parent) are created too. */
function stepUses(
  context: GenerationContext,
  kind: ResourceKind,
  created: ResourceUse[],
  steps: Step[],
): ResourceUse[] {
  return mergeUses(
    created,
    steps
      .flatMap((step) =>
        usesOf(
          step.request,
          context.graph.kinds.map((other) => ({ alias: other.name, resource: other.name })),
        ),
      )
      .filter((use) => use.alias !== kind.name),
  );
}

/**
 * The delete, then the read that must no longer find it: 404 (or 410 when the read documents no
 * 404), with the not-found answer's documented body unless only the status is asked for.
 */
function removeSteps(
  context: GenerationContext,
  kind: ResourceKind,
  withId: (request: RequestSpec) => RequestSpec,
  readRequest: RequestSpec,
  options: { statusOnly?: boolean } = {},
): Step[] {
  const removeRequest = withId(context.requests.build(kind.remove!).request);
  const gone = documentedStatuses(kind.read!).includes(404) ? [404] : [404, 410];
  const goneAssertions = options.statusOnly
    ? [{ kind: 'status' as const, oneOf: gone }]
    : responseAssertions(kind.read!, gone);
  return [
    act(`delete the ${kind.name}`, removeRequest, [{ kind: 'status', oneOf: [successStatus(kind.remove!)] }]),
    act(`read the deleted ${kind.name}`, readRequest, goneAssertions),
  ];
}

/**
 * Changes one scalar the read response also shows, then checks the change was stored; with
 * `statusOnly`, the update's answer is read for its status alone.
 */
function updateSteps(
  context: GenerationContext,
  kind: ResourceKind,
  withId: (request: RequestSpec) => RequestSpec,
  readRequest: RequestSpec,
  options: { statusOnly?: boolean } = {},
): Step[] {
  const update = kind.update!;
  const built = context.requests.build(update);
  if (built.request.body?.kind !== 'json') return [];
  // The resource under test is the one this chain created: its id is the saved one.
  const ownBody = replaceResource(built.request.body.value, kind.name, { kind: 'saved', name: SAVED_ID });
  if (ownBody.kind !== 'object') return [];
  const chosen = updatedField(context, kind);
  if (!chosen) return [];
  const field = chosen.name;
  const value = context.requests.uniqueFor(field, chosen.schema)!;
  const body: ValueExpr = {
    kind: 'object',
    entries: { ...ownBody.entries, [field]: value },
  };
  const request = withId({ ...built.request, body: { kind: 'json', value: body } });
  const changed: Assertion = {
    kind: 'field-equals',
    path: field,
    value: { kind: 'saved', name: 'updated' },
    enveloped: true,
  };
  return [
    act(
      `update "${field}" of the ${kind.name}`,
      request,
      options.statusOnly
        ? [{ kind: 'status', oneOf: [successStatus(update)] }]
        : [
            ...responseAssertions(update, [successStatus(update)]),
            // A documented answer without a body (204) echoes nothing: the read back checks the change.
            ...(successResponse(update)?.schema
              ? [{ kind: 'field-echoes' as const, path: field, bodyPath: field }]
              : []),
          ],
      {
        saves: [{ name: 'updated', path: field, from: 'body' }],
      },
    ),
    act(`read the ${kind.name} back`, readRequest, [
      { kind: 'status', oneOf: [successStatus(kind.read!)] },
      changed,
    ]),
  ];
}

/** Fields that hold prose by their name: `description`, `displayName`, `summary`, `notes`. */
const PROSE = /(description|summary|notes?|comment|bio|title|label|display_?name|caption)$/i;

/** A text field the update (the kind's own, or another write) sends and the read shows, which can take a value unique per run. */
export function updatedField(
  context: GenerationContext,
  kind: ResourceKind,
  update: ApiOperation = kind.update!,
): { name: string; schema: JsonSchema } | undefined {
  const readSchema = context.schemas.flatten(successResponse(kind.read!)?.schema);
  const updateSchema = context.schemas.flatten(update.requestBody?.schema);
  // Prose first: a server checks a `provider` or a `type` against what it knows; a description is free.
  const fields = Object.keys(updateSchema.properties ?? {});
  const ordered = [
    ...fields.filter((field) => PROSE.test(field)),
    ...fields.filter((field) => !PROSE.test(field)),
  ];
  const name = ordered.find((candidate) => {
    if (!readSchema.properties?.[candidate]) return false;
    const schema = context.schemas.flatten(updateSchema.properties![candidate]);
    // A field naming another thing (a strategy's type by its name) takes no made-up value.
    if (context.graph.kindDescribedBy(candidate, schema.description, update.path)) return false;
    const variants = schema.anyOf ?? schema.oneOf ?? [schema];
    return (
      variants.some((variant) => primaryType(context.schemas.flatten(variant)) === 'string') &&
      context.requests.uniqueFor(candidate, stringVariant(context, schema)) !== undefined
    );
  });
  return name === undefined
    ? undefined
    : { name, schema: stringVariant(context, updateSchema.properties![name]!) };
}

function stringVariant(context: GenerationContext, schema: JsonSchema): JsonSchema {
  const flat = context.schemas.flatten(schema);
  const variants = flat.anyOf ?? flat.oneOf;
  if (!variants) return flat;
  return (
    variants
      .map((variant) => context.schemas.flatten(variant))
      .find((variant) => primaryType(variant) === 'string') ?? flat
  );
}

/** Unique values of a create body (inside its envelope): the read must show exactly what was sent. */
function echoedScalars(body: ValueExpr | undefined): string[] {
  const inner = unwrapBody(body);
  if (inner?.kind !== 'object') return [];
  return Object.entries(inner.entries).flatMap(([key, value]) =>
    value.kind === 'unique' && key !== 'id' ? [key] : [],
  );
}

/** `{"article": {...}}` sent as the body: the fields are inside `article`. */
function unwrapBody(body: ValueExpr | undefined): ValueExpr | undefined {
  if (body?.kind !== 'object') return body;
  const entries = Object.entries(body.entries);
  return entries.length === 1 && entries[0]![1].kind === 'object' ? entries[0]![1] : body;
}

function bodyEnvelope(body: ValueExpr | undefined): string {
  const inner = unwrapBody(body);
  if (inner === body || body?.kind !== 'object') return '';
  return `${Object.keys(body.entries)[0]}.`;
}

/** The read response documents the field beside the identifier: a profile may not show an email. */
function readShows(context: GenerationContext, kind: ResourceKind, key: string): boolean {
  let schema = context.schemas.flatten(successResponse(kind.read!)?.schema);
  for (const token of envelopeOf(kind.readIdPath ?? '')
    .split('.')
    .filter(Boolean)) {
    schema = context.schemas.flatten(/^\d+$/.test(token) ? schema.items : schema.properties?.[token]);
  }
  return schema.properties?.[key] !== undefined;
}

/** `article.slug` → `article.`: where the read response keeps the resource's fields. */
function envelopeOf(idPath: string): string {
  const dot = idPath.lastIndexOf('.');
  return dot === -1 ? '' : idPath.slice(0, dot + 1);
}

function mergeUses(first: ResourceUse[], more: ResourceUse[]): ResourceUse[] {
  const merged = [...first];
  for (const use of more) if (!merged.some((existing) => existing.alias === use.alias)) merged.push(use);
  return merged;
}
