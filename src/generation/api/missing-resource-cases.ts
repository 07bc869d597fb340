import type { ApiOperation } from '../../core/api-model.ts';
import { documentedStatuses, successResponse } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import type { ResourceKind } from '../../core/resource-graph.ts';
import type { ApiTestCase, ValueExpr } from '../../core/test-case.ts';
import { act, literal, makeCase, responseAssertions, statusText, usesOf } from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';
import { primaryType } from './sample-value.ts';

const IDENTIFIER_NAME = /(^|[_-])(id|uuid|slug|key|name)$|[a-z](Id|ID|Uuid|Slug|Key|Name)$/i;

/** Far above any row a test run creates, yet inside a 32-bit integer column. */
const MISSING_INTEGER = 2147483000;

/**
 * Refusals a server may give for a thing that does not exist when its document lists no 404:
 * any of them is correct behaviour (the missing 404 in the document is not what this case checks).
 */
const NOT_FOUND_REFUSALS = [400, 403, 404, 410, 422];

/**
 * "Nonexistent resource → 404": the operation is called with a well-formed identifier, of the
 * same type and format as the ids the API hands out, that names nothing. The parents of a
 * sub-resource are real (created by the test); only the last identifier is missing.
 *
 * Expected: the documented 404; with none documented, any refusal of NOT_FOUND_REFUSALS (a
 * different 4xx than a documented 404 is then a contract deviation, a warning under lenient
 * conformance). A 2xx is a state defect (the server acts on something that does not exist), a
 * 5xx a server error. A PUT whose document lists no 404 may create the resource at that id
 * (RFC 9110 lets PUT create), and such a DELETE may answer success for what is already gone
 * (it is idempotent), so neither gets such a case.
 */
export function missingResourceCase(
  context: GenerationContext,
  operation: ApiOperation,
): ApiTestCase | undefined {
  const parameter = operation.parameters.filter((candidate) => candidate.in === 'path').at(-1);
  if (!parameter) return undefined;
  const documented = documentedStatuses(operation);
  if (operation.method === 'put' && !documented.includes(404)) return undefined;
  // DELETE is idempotent (RFC 9110): with no 404 documented, a success for a thing already gone
  // is as correct as a refusal.
  if (operation.method === 'delete' && !documented.includes(404)) return undefined;
  // A read ending in the value that answers a list, with no 404 documented, filters by it (tokens
  // by a name that is not unique): a value matching nothing is an empty list, not a refusal. A
  // list under an item (`/authors/{id}/books`) still names its parent.
  const endsWithValue = operation.path.replace(/\/+$/, '').endsWith(`{${parameter.name}}`);
  if (
    operation.method === 'get' &&
    endsWithValue &&
    !documented.includes(404) &&
    answersList(context, operation)
  )
    return undefined;
  const kind = context.graph.kindOfPathParameter(operation, parameter.name);
  // Only identifiers: `{year}` or `{format}` name no thing that could be missing.
  // A kind the suite cannot create or list (`/reports/{year}`) is known by its name only.
  const identifies = (kind && context.graph.isObtainable(kind)) || IDENTIFIER_NAME.test(parameter.name);
  if (!identifies) return undefined;
  const value = missingValue(context, context.schemas.flatten(parameter.schema), kind);
  if (!value) return undefined;
  const base = context.requests.build(operation);
  const request = { ...base.request, pathParams: { ...base.request.pathParams, [parameter.name]: value } };
  const expected = documented.includes(404) ? [404] : NOT_FOUND_REFUSALS;
  const uses = usesOf(request, base.uses);
  const what = kind
    ? `${/^[aeiou]/i.test(kind.name) ? 'an' : 'a'} ${kind.name} that does not exist`
    : `an unknown ${parameter.name}`;
  const testCase = makeCase({
    title:
      expected.length === 1
        ? `${operation.key} answers 404 for ${what}`
        : `${operation.key} refuses ${what} with ${statusText(expected)}`,
    kind: 'negative',
    operation,
    steps: [act(`${operation.key} with ${what}`, request, responseAssertions(operation, expected))],
    uses,
    priority: 'normal',
    covers: documented.includes(404) ? [`${operation.key} 404`] : [],
    writesByResources: uses.length > 0,
  });
  return { ...testCase, missingResource: documented.includes(404) ? 'promised' : 'unpromised' };
}

/**
 * A well-formed identifier that names nothing: the parameter's own type and format first, then
 * the type of the ids the kind's create (or read) answers when the parameter is plain text.
 */
function missingValue(
  context: GenerationContext,
  schema: JsonSchema,
  kind: ResourceKind | undefined,
): ValueExpr | undefined {
  if (schema.enum || schema.const !== undefined) return undefined;
  const own = valueFor(schema);
  const learned = kind ? idSchemaOf(context, kind) : undefined;
  if (own && primaryType(schema) !== 'string') return own;
  if (isUuid(schema)) return own;
  // Text in the path, ids handed out as numbers or UUIDs: the missing one looks like them.
  const fromIds = learned ? valueFor(learned) : undefined;
  const candidate = fromIds ?? (primaryType(schema) === 'string' || !kind ? own : undefined);
  if (!candidate) return undefined;
  if (candidate.kind === 'literal' && context.schemas.isValid(schema, String(candidate.value)) === false)
    return undefined;
  return candidate;
}

function valueFor(schema: JsonSchema): ValueExpr | undefined {
  if (isUuid(schema)) return { kind: 'random-uuid' };
  const type = primaryType(schema);
  if (type === 'integer' || type === 'number') {
    const maximum = schema.maximum ?? MISSING_INTEGER;
    return maximum >= 1000 ? literal(Math.min(MISSING_INTEGER, Math.floor(maximum))) : undefined;
  }
  if (type !== 'string' || schema.pattern || schema.format) return undefined;
  // A slug or a name nobody created: unique per run, within the documented length.
  const maxLength = Math.min(schema.maxLength ?? 40, 40);
  const prefix = 'missing';
  return maxLength >= prefix.length + 10 && (schema.minLength ?? 0) <= prefix.length + 10
    ? { kind: 'unique', prefix, maxLength }
    : undefined;
}

/**
 * The success answer is a list: an array, or an object holding one array beside scalar
 * metadata (`{version, tokens: [...]}`) and no identifier of its own, which an item would have.
 */
function answersList(context: GenerationContext, operation: ApiOperation): boolean {
  const schema = successResponse(operation)?.schema;
  if (!schema) return false;
  const flat = context.schemas.flatten(schema);
  if (primaryType(flat) === 'array') return true;
  const properties = Object.entries(flat.properties ?? {}).map(
    ([name, property]) => [name, context.schemas.flatten(property)] as const,
  );
  const arrays = properties.filter(([, property]) => primaryType(property) === 'array');
  const others = properties.filter(([, property]) => primaryType(property) !== 'array');
  return (
    arrays.length === 1 &&
    others.every(([name, property]) => !IDENTIFIER_NAME.test(name) && primaryType(property) !== 'object')
  );
}

function isUuid(schema: JsonSchema): boolean {
  return schema.format === 'uuid' || schema.format === 'uuid4';
}

/** The schema of the identifier the kind's create or read answers (`id`, `article.slug`). */
function idSchemaOf(context: GenerationContext, kind: ResourceKind): JsonSchema | undefined {
  const sources: [ApiOperation | undefined, string | undefined][] = [
    [kind.create, kind.createIdFrom === 'response' ? kind.createIdPath : undefined],
    [kind.read, kind.readIdPath],
  ];
  for (const [operation, path] of sources) {
    if (!operation || path === undefined) continue;
    let schema: JsonSchema | undefined = successResponse(operation)?.schema;
    for (const token of path.split('.')) {
      const flat = context.schemas.flatten(schema);
      schema = /^\d+$/.test(token) ? (flat.items as JsonSchema | undefined) : flat.properties?.[token];
      if (!schema) break;
    }
    if (schema) return context.schemas.flatten(schema);
  }
  return undefined;
}
