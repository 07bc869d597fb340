import type { ApiOperation } from '../../core/api-model.ts';
import { successResponse } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import type { ApiTestCase, Assertion, Step, ValueExpr } from '../../core/test-case.ts';
import {
  act,
  bodyFields,
  describePath,
  fieldAt,
  literal,
  makeCase,
  responseAssertions,
  successStatus,
  withField,
} from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';
import { idStem, singular } from '../../core/resource-names.ts';
import { UNIQUE_SUFFIX_LENGTH } from './request-builder.ts';
import { fitLength, primaryType } from './sample-value.ts';

const MAX_BOUNDARY_CASES = 4;
/** Field names that name another thing: its id or its name. */
export const REFERENCE_LIKE = /(_id|Id|_ids|Ids|_name|Name|_names|Names)$/;
/**
 * Fields whose value is one of the server's own vocabulary though the schema says only "string":
 * a tag's `type`, an addon's `provider`, a user's `role`. A made-up value at the maximum length
 * names nothing the server knows and is refused: no boundary case for them.
 */
const VOCABULARY = new Set(
  'type kind category provider role status state mode level operator strategy locale currency country language timezone'.split(
    ' ',
  ),
);

/** The documented success: exact status, content type, schema, and the echo of what was sent. */
export function positiveCases(context: GenerationContext, operation: ApiOperation): ApiTestCase[] {
  const { request, uses } = context.requests.build(operation);
  const status = successStatus(operation);
  const assertions = [
    ...responseAssertions(operation, [status]),
    ...echoAssertions(context, operation, request.body?.kind === 'json' ? request.body.value : undefined),
  ];
  const track = createdResource(context, operation);
  const schemaName = schemaLabel(successResponse(operation)?.schema);
  const title = `${operation.key} succeeds with ${status}${schemaName ? ` and a valid ${schemaName}` : ''}`;
  const prerequisite = inverseOf(context, operation);
  const arrange = prerequisite
    ? [
        {
          ...act(
            `${prerequisite.key} first, which ${operation.key} undoes`,
            { ...request, method: prerequisite.method.toUpperCase(), path: prerequisite.path },
            [{ kind: 'status' as const, oneOf: [successStatus(prerequisite)] }],
          ),
          phase: 'arrange' as const,
        },
      ]
    : [];
  const positive = makeCase({
    title,
    kind: 'positive',
    operation,
    steps: [
      ...arrange,
      act(`${operation.key} with a valid request`, request, assertions, trackCreated(track)),
    ],
    uses,
    priority: 'critical',
    covers: [`${operation.key} ${status}`],
    writesByResources: uses.length > 0,
  });
  return [positive, ...boundaryCases(context, operation)];
}

const INVERSE_ACTIONS: Record<string, string> = {
  detach: 'attach',
  disconnect: 'connect',
  unassign: 'assign',
  unlink: 'link',
  unmount: 'mount',
  unlock: 'lock',
  unpublish: 'publish',
};

/** `.../detach` only succeeds after `.../attach`: the undone action is arranged first. */
function inverseOf(context: GenerationContext, operation: ApiOperation): ApiOperation | undefined {
  const action = operation.path.split('/').at(-1) ?? '';
  const inverse = INVERSE_ACTIONS[action];
  if (!inverse) return undefined;
  const path = `${operation.path.slice(0, -action.length)}${inverse}`;
  return context.model.operations.find(
    (candidate) => candidate.path === path && candidate.method === operation.method,
  );
}

/** The field's last word (`tag_type`, `tagType`, `roles` → type, type, role) is one of them. */
export function namesVocabulary(name: string): boolean {
  const last = name.split(/[_-]|(?=[A-Z])/).at(-1) ?? '';
  return VOCABULARY.has(singular(last));
}

/** Values at the documented limits must be accepted: off-by-one and overflow bugs live here. */
function boundaryCases(context: GenerationContext, operation: ApiOperation): ApiTestCase[] {
  const cases: ApiTestCase[] = [];
  const status = successStatus(operation);
  const track = createdResource(context, operation);
  for (const field of bodyFields(context.schemas, operation)) {
    if (cases.length >= MAX_BOUNDARY_CASES) break;
    if (REFERENCE_LIKE.test(field.name) || idStem(field.name) || namesVocabulary(field.name)) continue;
    const boundary = boundaryValue(context, field.name, field.schema);
    if (!boundary) continue;
    const { request, uses } = context.requests.build(operation);
    if (request.body?.kind !== 'json') continue;
    const body = withField(request.body.value, field.path, boundary.value);
    if (
      boundary.value.kind === 'literal' &&
      context.schemas.isValid(operation.requestBody!.schema, materialise(body)) === false
    )
      continue;
    const sent = { ...request, body: { kind: 'json' as const, value: body } };
    cases.push(
      makeCase({
        title: `${operation.key} accepts "${describePath(field.path)}" at its ${boundary.label}`,
        kind: 'boundary',
        operation,
        steps: [
          act(
            `${operation.key} with "${describePath(field.path)}" at its ${boundary.label}`,
            sent,
            [
              ...responseAssertions(operation, [status]),
              ...echoAssertions(context, operation, body).filter(
                (assertion) => assertion.kind !== 'field-echoes' || assertion.path.endsWith(field.name),
              ),
            ],
            trackCreated(track),
          ),
        ],
        uses,
        priority: 'normal',
        covers: [`${operation.key} ${status}`],
        writesByResources: uses.length > 0,
      }),
    );
  }
  return cases;
}

function boundaryValue(
  context: GenerationContext,
  name: string,
  schema: JsonSchema,
): { label: string; value: ValueExpr } | undefined {
  const flat = context.schemas.flatten(schema);
  if (flat.enum || flat.format) return undefined;
  const type = primaryType(flat);
  if (
    (type === 'integer' || type === 'number') &&
    flat.maximum !== undefined &&
    Math.abs(flat.maximum) < 1e12
  ) {
    return { label: `maximum (${flat.maximum})`, value: literal(flat.maximum) };
  }
  if (type === 'string' && flat.maxLength !== undefined && flat.maxLength <= 1024 && flat.maxLength > 0) {
    const unique = context.requests.uniqueFor(name, flat);
    if (unique?.kind === 'unique' && flat.maxLength > UNIQUE_SUFFIX_LENGTH) {
      const fitted = fitLength(
        unique.prefix,
        flat.maxLength - UNIQUE_SUFFIX_LENGTH,
        flat.maxLength - UNIQUE_SUFFIX_LENGTH,
      );
      // The padding is lower-case: an upper-case-only field keeps its case.
      const prefix = unique.letters === 'upper' ? fitted.toUpperCase() : fitted;
      return {
        label: `maximum length (${flat.maxLength})`,
        value: { ...unique, prefix, maxLength: flat.maxLength },
      };
    }
    const value = fitLength('a', flat.maxLength, flat.maxLength);
    if (flat.pattern && !new RegExp(flat.pattern, 'u').test(value)) return undefined;
    return { label: `maximum length (${flat.maxLength})`, value: literal(value) };
  }
  return undefined;
}

/** Saves and tracks what a create step made, so the test's cleanup removes it. */
export function trackCreated(
  track: { resource: string; idPath: string; from: 'response' | 'body' } | undefined,
): Partial<Step> {
  if (!track) return {};
  return {
    saves: [{ name: 'created', path: track.idPath, from: track.from }],
    track: { resource: track.resource, saved: 'created' },
  };
}

/** Scalar fields sent in a create/update that the response also has must come back as sent. */
export function echoAssertions(
  context: GenerationContext,
  operation: ApiOperation,
  body: ValueExpr | undefined,
): Assertion[] {
  if (!body || !['post', 'put', 'patch'].includes(operation.method)) return [];
  // A documented success without a body (204) may be the answer: there is nothing to echo then.
  if (operation.responses.some((response) => isSuccess(response.status) && !response.schema)) return [];
  const responseSchema = context.schemas.flatten(successResponse(operation)?.schema);
  const [itemSchema, responsePrefix] =
    primaryType(responseSchema) === 'array'
      ? [context.schemas.flatten(responseSchema.items), '0.']
      : [responseSchema, ''];
  const [sentObject, bodyPrefix] = body.kind === 'array' ? [fieldAt(body, [0]), [0]] : [body, []];
  if (sentObject?.kind !== 'object' || !itemSchema.properties) return [];
  return Object.entries(sentObject.entries).flatMap(([key, value]) => {
    if (!itemSchema.properties?.[key] || key === 'id' || !isEchoable(value)) return [];
    return [
      {
        kind: 'field-echoes' as const,
        path: `${responsePrefix}${key}`,
        bodyPath: [...bodyPrefix, key].join('.'),
      },
    ];
  });
}

function isSuccess(status: ApiOperation['responses'][number]['status']): boolean {
  return status === '2XX' || (typeof status === 'number' && status >= 200 && status < 300);
}

function isEchoable(value: ValueExpr): boolean {
  if (value.kind === 'unique') return true;
  return value.kind === 'literal' && ['string', 'number', 'boolean'].includes(typeof value.value);
}

/** A POST on a collection creates something the test must delete afterwards. */
export function createdResource(
  context: GenerationContext,
  operation: ApiOperation,
): { resource: string; idPath: string; from: 'response' | 'body' } | undefined {
  if (operation.method !== 'post') return undefined;
  const kind = context.graph.kindOfCollection(operation.path);
  if (!kind?.remove || kind.createIdPath === undefined) return undefined;
  const sameCollection = kind.create?.path === operation.path;
  const idPath = sameCollection ? kind.createIdPath : undefined;
  if (!sameCollection && operation.path.split('/').at(-1) !== kind.collectionPath.split('/').at(-1))
    return undefined;
  return {
    resource: kind.name,
    idPath: idPath ?? kind.createIdPath,
    from: kind.createIdFrom === 'request' ? 'body' : 'response',
  };
}

function schemaLabel(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return schema.$ref.split('/').at(-1);
  if (schema.type === 'array' && schema.items?.$ref) return `list of ${schema.items.$ref.split('/').at(-1)}`;
  return typeof schema.title === 'string' ? schema.title : undefined;
}

/** Literal-only view of an expression, for validating what will be sent. */
export function materialise(expr: ValueExpr): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'object':
      return Object.fromEntries(
        Object.entries(expr.entries).map(([key, value]) => [key, materialise(value)]),
      );
    case 'array':
      return expr.items.map(materialise);
    case 'unique':
      return (
        `${expr.prefix}${(expr.letters === 'upper' ? 'A' : 'a').repeat(10)}`.slice(
          0,
          expr.maxLength - (expr.suffix ?? '').length,
        ) + (expr.suffix ?? '')
      );
    case 'unique-number':
      return 12345;
    case 'random-uuid':
    case 'resource':
    case 'var':
    case 'saved':
      return '3fa85f64-5717-4562-b3fc-2c963f66afa6';
  }
}
