import type { ApiOperation } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import type { ManualStep } from '../../core/manual-case.ts';
import type { ApiCaseContext } from './api-case-context.ts';
import type { Cause } from './api-error-causes.ts';
import { UNKNOWN_ID, withField, type RequestParts } from './api-requests.ts';

/** A concrete way to make an operation answer with an error status. */
export interface ErrorTrigger {
  /** Short, for the title: `unknown disk_id`, `missing required field "name"`. */
  title: string;
  request: RequestParts;
  /** Send the request twice; the second answer is the one checked. */
  twice?: boolean;
  /** Extra set-up that brings about the state the error needs. */
  arrange?: ManualStep[];
}

/** Where a value can be put: top-level body fields, query and path parameters. */
interface Slot {
  name: string;
  in: 'body' | 'query' | 'path';
  schema: JsonSchema;
  required: boolean;
}

export function slotsOf(context: ApiCaseContext, operation: ApiOperation): Slot[] {
  const body = operation.requestBody ? context.view.resolve(operation.requestBody.schema) : undefined;
  const item = body?.type === 'array' ? body.items : body;
  const fields = item ? context.view.fields(item).map((field) => ({ ...field, in: 'body' as const })) : [];
  const parameters = operation.parameters
    .filter((parameter) => parameter.in === 'query' || parameter.in === 'path')
    .map((parameter) => ({
      name: parameter.name,
      in: parameter.in as 'query' | 'path',
      schema: context.view.resolve(parameter.schema),
      required: parameter.required,
    }));
  return [...fields, ...parameters];
}

export function put(request: RequestParts, slot: Slot, value: unknown): RequestParts {
  if (slot.in === 'path') return { ...request, path: { ...request.path, [slot.name]: String(value) } };
  if (slot.in === 'query') return { ...request, query: { ...request.query, [slot.name]: value } };
  return { ...request, body: withField(request.body, slot.name, value) };
}

/** "Не удалось найти проект …" → `project_id` = an id that names nothing. */
export function causeTrigger(
  slots: Slot[],
  valid: RequestParts,
  cause: Cause,
  repeatable: boolean,
): ErrorTrigger | undefined {
  // "Already attached": sending the action again reaches that state; an update sent twice does not.
  if (cause.kind === 'repeat')
    return repeatable ? { title: 'the same request sent twice', request: valid, twice: true } : undefined;
  if (cause.kind !== 'missing') return undefined;
  const suffix = cause.by === 'id' ? ['_id', '_ids'] : ['_name', '_names'];
  const slot = slots.find((candidate) => suffix.some((end) => candidate.name === `${cause.stem}${end}`));
  if (!slot) return undefined;
  const single =
    cause.by === 'id' ? UNKNOWN_ID : `qa-missing-${cause.words.replace(/\s+/g, '-').toLowerCase()}`;
  const value = slot.name.endsWith('s') && slot.in !== 'path' ? [single] : single;
  return {
    title: `${slot.name} of ${article(cause.words)} that does not exist`,
    request: put(valid, slot, value),
  };
}

/** Malformed input the schema forbids: a missing required field, a malformed id, a wrong type. */
export function validationTriggers(slots: Slot[], valid: RequestParts): ErrorTrigger[] {
  const triggers: ErrorTrigger[] = [];
  const required = slots.find((slot) => slot.in === 'body' && slot.required);
  if (required)
    triggers.push({
      title: `missing required field "${required.name}"`,
      request: put(valid, required, undefined),
    });
  const id = slots.find((slot) => slot.in === 'path' && /uuid/.test(slot.schema.format ?? ''));
  if (id)
    triggers.push({ title: `malformed ${id.name} "not-a-uuid"`, request: put(valid, id, 'not-a-uuid') });
  const enumerated = slots.find(
    (slot) => slot.in === 'body' && slot.required && Array.isArray(slot.schema.enum),
  );
  if (enumerated)
    triggers.push({
      title: `${enumerated.name} outside its enum`,
      request: put(valid, enumerated, 'not-a-valid-value'),
    });
  if (triggers.length === 0 && valid.body !== undefined)
    triggers.push({
      title: 'a body of the wrong type (a JSON string)',
      request: { ...valid, body: 'not an object' },
    });
  return triggers.slice(0, 2);
}

/** 404 for the operation's own item: a well-formed id of nothing. */
export function unknownItemTriggers(slots: Slot[], valid: RequestParts): ErrorTrigger[] {
  return slots
    .filter((slot) => slot.in === 'path')
    .slice(-1)
    .map((slot) => ({ title: `unknown ${slot.name}`, request: put(valid, slot, UNKNOWN_ID) }));
}

export function article(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
