// The valid request with every optional field the document gives it. The positive case sends
// only what is required, the request a careful client sends; a real client sends the rest too,
// and a server that refuses a documented field, or whose validation of one is broken, answers
// only this request differently. Optional fields that name other things (ids, names of kinds the
// API manages, a server's own vocabulary without a documented value) stay out: a made-up one is
// refused for the suite's input, not for the server's fault.
import type { ApiOperation } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import { idStem, singular } from '../../core/resource-names.ts';
import type { ApiTestCase, ResourceUse, ValueExpr } from '../../core/test-case.ts';
import { act, bodyFields, makeCase, responseAssertions, successStatus, withField } from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';
import {
  REFERENCE_LIKE,
  createdResource,
  materialise,
  namesVocabulary,
  trackCreated,
} from './positive-cases.ts';
import { primaryType, sampleValue } from './sample-value.ts';

// Beside ids and names, a key or an address names something that must exist.
const KEY_OR_ADDRESS = /(_key|Key|_url|Url|_uri|Uri)$/;
// Values that must match the server's state: the current password, a confirmation of another.
const SECRET_LIKE = /password|secret|token|otp|pin$/i;

export function everyFieldCase(context: GenerationContext, operation: ApiOperation): ApiTestCase | undefined {
  if (!['post', 'put', 'patch'].includes(operation.method)) return undefined;
  const built = context.requests.build(operation);
  const { request } = built;
  if (request.body?.kind !== 'json' || request.body.value.kind !== 'object') return undefined;
  const uses = new Map<string, ResourceUse>(built.uses.map((use) => [use.alias, use]));
  let body: ValueExpr = request.body.value;
  const added: string[] = [];
  for (const field of bodyFields(context.schemas, operation)) {
    if (field.required || field.path.length !== 1 || field.name in request.body.value.entries) continue;
    if (!plainField(context, field.name, field.schema, 0)) continue;
    const value = sampleValue(context.schemas, field.schema, 0, field.name);
    if (value === undefined || value === null) continue;
    const expr = context.requests.bodyFrom(operation, uses, { [field.name]: value });
    const sent = expr.kind === 'object' ? expr.entries[field.name] : undefined;
    if (!sent || !plainExpr(sent)) continue;
    body = withField(body, field.path, sent);
    added.push(field.name);
  }
  if (added.length === 0) return undefined;
  if (context.schemas.isValid(operation.requestBody!.schema, materialise(body)) === false) return undefined;
  const status = successStatus(operation);
  const fields = added.map((name) => `"${name}"`).join(', ');
  return makeCase({
    title: `${operation.key} accepts every documented field (${fields})`,
    kind: 'boundary',
    operation,
    steps: [
      act(
        `${operation.key} with every documented field`,
        { ...request, body: { kind: 'json', value: body } },
        responseAssertions(operation, [status]),
        trackCreated(createdResource(context, operation)),
      ),
    ],
    uses: [...uses.values()],
    priority: 'normal',
    covers: [`${operation.key} ${status}`],
    writesByResources: uses.size > 0,
  });
}

/**
 * A field whose documented or synthesised value means only itself: texts, numbers, booleans, and
 * objects or lists of objects of them, none named like a reference or a kind the API manages.
 */
function plainField(context: GenerationContext, name: string, schema: JsonSchema, depth: number): boolean {
  if (
    depth > 3 ||
    REFERENCE_LIKE.test(name) ||
    KEY_OR_ADDRESS.test(name) ||
    SECRET_LIKE.test(name) ||
    idStem(name) ||
    name === 'id'
  )
    return false;
  if (context.graph.byName(singular(name))) return false;
  const flat = context.schemas.flatten(schema);
  if (flat.oneOf || flat.anyOf || flat.allOf || flat.not) return false;
  // A server's own word ("type", "provider") only with a value the document gives.
  if (namesVocabulary(name) && !flat.enum && flat.example === undefined && flat.default === undefined)
    return false;
  switch (primaryType(flat)) {
    case 'string':
      // A date may have to lie ahead, a URL be reachable: formats carry rules of their own.
      return flat.format === undefined;
    case 'integer':
    case 'number':
    case 'boolean':
      return true;
    case 'array':
      return plainList(context, flat.items, depth);
    case 'object': {
      const properties = Object.entries(flat.properties ?? {});
      return (
        properties.length > 0 &&
        flat.additionalProperties !== true &&
        properties.every(([property, propertySchema]) =>
          plainField(context, property, propertySchema, depth + 1),
        )
      );
    }
    default:
      return false;
  }
}

/**
 * Texts in a list mostly name things ("variants", the "values" of another field) unless the
 * document lists them; numbers in listed objects mostly hold rules across the items (weights that
 * add up, an order). Lists of objects of texts and booleans (legal values) stay.
 */
function plainList(context: GenerationContext, schema: JsonSchema | undefined, depth: number): boolean {
  const items = context.schemas.flatten(schema);
  const type = primaryType(items);
  if (type === 'string') return items.enum !== undefined;
  if (type !== 'object' || !items.properties) return false;
  return Object.entries(items.properties).every(([property, propertySchema]) => {
    const kind = primaryType(context.schemas.flatten(propertySchema));
    return (
      (kind === 'string' || kind === 'boolean') && plainField(context, property, propertySchema, depth + 1)
    );
  });
}

function plainExpr(expr: ValueExpr): boolean {
  switch (expr.kind) {
    case 'literal':
    case 'unique':
      return true;
    case 'array':
      return expr.items.every(plainExpr);
    case 'object':
      return Object.values(expr.entries).every(plainExpr);
    default:
      return false;
  }
}
