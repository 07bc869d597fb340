import type { ApiOperation } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import type { ApiCaseContext } from './api-case-context.ts';
import { errorShape } from './api-error-shape.ts';
import { put, slotsOf } from './api-error-triggers.ts';
import { fieldOf, renderJson, type RequestParts } from './api-requests.ts';
import { authSteps } from './api-success-cases.ts';
import type { CaseDraft } from './case-set.ts';
import { act, check } from './manual-steps.ts';

// Boundary values from the schema: each limit accepted at its edge and rejected one step past
// it, for the two most telling constrained inputs of an operation (required body fields first,
// then numbers, then paging parameters).

const FIELDS_PER_OPERATION = 2;

interface Edge {
  value: unknown;
  accepted: boolean;
  /** "maximum", "above the maximum 16384", "maximum length", … */
  why: string;
  shown: string;
}

export function boundaryCases(context: ApiCaseContext, operation: ApiOperation): CaseDraft[] {
  const samples = context.samplesFor(operation);
  const valid = context.validRequest(operation, samples);
  const slots = slotsOf(context, operation)
    .filter((slot) => slot.in !== 'path' && edgesOf(slot.schema, '').length > 0)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, FIELDS_PER_OPERATION);
  return slots.flatMap((slot) => {
    const sample = String(
      slot.in === 'body' ? (fieldOf(valid.body, slot.name) ?? '') : (valid.query[slot.name] ?? ''),
    );
    return edgesOf(slot.schema, sample).map((edge) =>
      edgeCase(context, operation, samples, put(valid, slot, edge.value), slot.name, edge),
    );
  });
}

function rank(slot: ReturnType<typeof slotsOf>[number]): number {
  if (slot.in === 'body' && slot.required) return 0;
  if (slot.in === 'body' && isNumeric(slot.schema)) return 1;
  if (/^(limit|offset|page|size|per_page|page_size)$/.test(slot.name)) return 2;
  return 3;
}

function edgesOf(schema: JsonSchema, sample: string): Edge[] {
  if (isNumeric(schema)) {
    const low =
      schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
    const high =
      schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : undefined);
    return [
      ...(high !== undefined
        ? [edge(high, true, 'maximum'), edge(high + 1, false, `above the maximum ${high}`)]
        : []),
      ...(low !== undefined && low !== high
        ? [edge(low, true, 'minimum'), edge(low - 1, false, `below the minimum ${low}`)]
        : []),
    ];
  }
  if (schema.type !== 'string' || schema.enum) return [];
  const text = (length: number) =>
    sample.length >= length ? sample.slice(0, length) : sample.padEnd(length, 'a');
  const { minLength = 0, maxLength } = schema;
  return [
    ...(maxLength !== undefined
      ? [
          lengthEdge(text(maxLength), true, 'maximum length'),
          lengthEdge(text(maxLength + 1), false, `above the maximum length ${maxLength}`),
        ]
      : []),
    ...(minLength >= 1
      ? [
          lengthEdge(text(minLength), true, 'minimum length'),
          lengthEdge(text(minLength - 1), false, `below the minimum length ${minLength}`),
        ]
      : []),
  ];
}

function edge(value: number, accepted: boolean, why: string): Edge {
  return { value, accepted, why, shown: String(value) };
}

function lengthEdge(value: string, accepted: boolean, why: string): Edge {
  const shown =
    value === '' ? 'an empty string' : `${value.length} character${value.length === 1 ? '' : 's'}`;
  return { value, accepted, why, shown };
}

function edgeCase(
  context: ApiCaseContext,
  operation: ApiOperation,
  samples: ReturnType<ApiCaseContext['samplesFor']>,
  request: RequestParts,
  field: string,
  edge: Edge,
): CaseDraft {
  const success = context.success(operation);
  const rejection = context.validationStatus(operation);
  const failure = operation.responses.find((response) => response.status === rejection);
  const status = edge.accepted ? success?.status : rejection;
  const expected = edge.accepted
    ? `${success?.status ?? '2xx'}: the value is accepted`
    : `${rejection ?? '4xx'}: the value is rejected`;
  const verdict = edge.accepted
    ? `is accepted (${edge.why})`
    : `is rejected (${edge.why})${rejection ? ` (${rejection})` : ''}`;
  return {
    ...context.base(operation, samples, typeof status === 'number' ? status : undefined),
    title: `${operation.key}: ${field} ${typeof edge.value === 'string' ? 'of' : '='} ${edge.shown} ${verdict}`,
    description: `Boundary of ${field} in ${operation.key}: ${edge.accepted ? 'the documented limit itself is valid' : 'one step past the documented limit is invalid'}.`,
    kind: 'boundary',
    priority: 'NORMAL',
    steps: [
      ...authSteps(operation),
      ...context.obtainSteps(operation, samples),
      act(context.request(operation, request), expected),
      edge.accepted
        ? check(
            'Check the response',
            `${field} = ${renderJson(edge.value)} is kept: the response reflects it`,
          )
        : check(
            'Check the response body',
            `${failure ? `It is ${errorShape(context, failure)}` : 'It is an error'} that names the field "${field}"`,
          ),
    ],
  };
}

function isNumeric(schema: JsonSchema): boolean {
  return (schema.type === 'integer' || schema.type === 'number') && !schema.enum;
}
