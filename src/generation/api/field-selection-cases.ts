import type { ApiOperation, ApiParameter } from '../../core/api-model.ts';
import { successResponse } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import type { ApiTestCase } from '../../core/test-case.ts';
import { act, literal, makeCase, successStatus, usesOf } from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';

/** Sparse fieldsets by their usual names: `fields` (JSON:API, many REST APIs), `select` (OData). */
const SELECTION = /^(_?fields|\$?select)$/i;
const IDENTIFIER = /^(id|uuid|_id)$/i;

/**
 * "Only the fields asked for": an operation whose query parameter `fields` (or `select`)
 * enumerates property names of what it answers is called with a few of them, and each object
 * answered must hold no other property. It is asserted only when the document says exactly this:
 * every enumerated value is a property of the success response's objects, so the parameter can
 * mean nothing but a choice among them. Reads, and writes on one resource of the test's own. The documented schema is not checked here: a selection
 * may leave out properties the full answer requires.
 */
export function fieldSelectionCase(
  context: GenerationContext,
  operation: ApiOperation,
): ApiTestCase | undefined {
  // A read, or a write on one identified resource the test created; never a create (what it
  // makes could not be tracked for clean-up without its id) nor a write on a whole collection.
  const onOne = operation.parameters.some((candidate) => candidate.in === 'path');
  if (operation.method !== 'get' && !(onOne && ['put', 'patch', 'delete'].includes(operation.method)))
    return undefined;
  const parameter = operation.parameters.find(
    (candidate) => candidate.in === 'query' && SELECTION.test(candidate.name),
  );
  if (!parameter) return undefined;
  const names = enumeratedNames(context, parameter);
  const answered = objectShape(context, operation);
  if (!names || !answered || !names.every((name) => name in answered.properties)) return undefined;
  const selected = selection(names);
  if (!selected) return undefined;
  const base = context.requests.build(operation);
  // An array documented with `explode: false` is sent as one comma-separated value (`id,name`).
  const value =
    arrayLike(context, parameter) && parameter.explode ? literal(selected) : literal(selected.join(','));
  const request = { ...base.request, query: { ...base.request.query, [parameter.name]: value } };
  const status = successStatus(operation);
  const uses = usesOf(request, base.uses);
  const shown = `${parameter.name}=${selected.join(',')}`;
  return makeCase({
    title: `${operation.key} with ${shown} answers only those fields`,
    kind: 'positive',
    operation,
    steps: [
      act(`${operation.key} with ${shown}`, request, [
        { kind: 'status', oneOf: [status] },
        { kind: 'fields-within', path: answered.path, fields: selected },
      ]),
    ],
    uses,
    priority: 'low',
    covers: [`${operation.key} ${status}`],
    writesByResources: uses.length > 0,
  });
}

function enumeratedNames(context: GenerationContext, parameter: ApiParameter): string[] | undefined {
  const schema = context.schemas.flatten(parameter.schema);
  const values = (
    arrayLike(context, parameter) ? context.schemas.flatten(schema.items as JsonSchema) : schema
  ).enum;
  return Array.isArray(values) && values.length >= 2 && values.every((value) => typeof value === 'string')
    ? (values as string[])
    : undefined;
}

function arrayLike(context: GenerationContext, parameter: ApiParameter): boolean {
  const type = context.schemas.flatten(parameter.schema).type;
  return type === 'array' || (Array.isArray(type) && type.includes('array'));
}

/** The identifier (when selectable) and one other field: enough to see the rest left out. */
function selection(names: string[]): string[] | undefined {
  const id = names.find((name) => IDENTIFIER.test(name));
  const other = names.find((name) => name !== id);
  const selected = [...(id ? [id] : []), ...(other ? [other] : [])];
  return selected.length < names.length && other ? selected : undefined;
}

/** The objects a success answers: the body itself, or the items of a bare list (path `''`). */
function objectShape(
  context: GenerationContext,
  operation: ApiOperation,
): { path: string; properties: Record<string, unknown> } | undefined {
  const body = context.schemas.flatten(successResponse(operation)?.schema);
  const object = body.type === 'array' ? context.schemas.flatten(body.items as JsonSchema) : body;
  const properties = object.properties;
  return properties && Object.keys(properties).length > 0 ? { path: '', properties } : undefined;
}
