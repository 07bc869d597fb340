import { readFileSync } from 'node:fs';
import type { ApiModel, ApiOperation } from '../../core/api-model.ts';
import type { ModelClient } from '../../core/model-client.ts';
import { delimitedData } from '../../core/prompt-data.ts';
import { ResourceGraph } from '../../core/resource-graph.ts';
import { fieldValueProposalsSchema, type FieldValueProposal } from './field-value-proposals.ts';
import { askInBatches } from './model-batches.ts';
import { compactSchema, openFields, type OpenField } from './open-fields.ts';
import { RequestBuilder } from './request-builder.ts';
import { SchemaContext } from './schema-context.ts';
import { ValueRepairs, type ValueRepair } from './value-repairs.ts';

const SYSTEM_PROMPT = readFileSync(new URL('./prompts/field-values.md', import.meta.url), 'utf8');
/** Operations per call: a failed call costs only its batch. */
const BATCH_SIZE = 10;
const LANGUAGE_NAMES = { en: 'English', ru: 'Russian' } as const;

export const FIELD_VALUES_CAPABILITY = 'api → test data';

export interface FieldValuesInput {
  model: ApiModel;
  operations: ApiOperation[];
  variables: Record<string, string>;
  language: 'en' | 'ru';
}

export interface FieldValuesOutcome {
  /** Accepted values, as repairs the request builder applies (learned values override them). */
  values: ValueRepair[];
  proposed: number;
  /** Why each refused proposal was refused (unknown field, value breaking the schema). */
  rejected: string[];
  repaired: number;
  failedBatches: number;
  batches: number;
  /** The first failure, for `--llm required` and the logs. */
  error: unknown;
}

/**
 * Asks the model for realistic values of the literal request fields, operation batch by batch.
 * Every value must name a field the builder fills with a literal and pass ajv against that
 * field's documented schema; the rest are counted as rejected. A failed batch adds nothing.
 */
export async function proposeFieldValues(
  client: ModelClient,
  input: FieldValuesInput,
): Promise<FieldValuesOutcome> {
  const schemas = new SchemaContext(input.model);
  const requests = new RequestBuilder(schemas, new ResourceGraph(input.model, schemas), input.variables);
  const checker = new ValueRepairs(input.model);
  const fields = new Map<string, OpenField[]>();
  for (const operation of input.operations) {
    const open = openFieldsOf(operation, requests, checker);
    if (open.length > 0) fields.set(operation.key, open);
  }
  const answers = await askInBatches([...fields.keys()], BATCH_SIZE, (batch) =>
    askBatch(client, input, batch, fields),
  );
  const outcome: FieldValuesOutcome = {
    values: [],
    proposed: 0,
    rejected: [],
    repaired: 0,
    failedBatches: 0,
    batches: answers.length,
    error: undefined,
  };
  for (const answer of answers) {
    if ('error' in answer) {
      outcome.failedBatches += 1;
      outcome.error ??= answer.error;
      continue;
    }
    outcome.repaired += answer.repaired ? 1 : 0;
    for (const proposal of answer.values) {
      outcome.proposed += 1;
      const verdict = judge(proposal, fields, checker, outcome.values);
      if (verdict.ok) outcome.values.push(verdict.value);
      else outcome.rejected.push(`${proposal.operation} ${proposal.in} ${proposal.field}: ${verdict.reason}`);
    }
  }
  return outcome;
}

async function askBatch(
  client: ModelClient,
  input: FieldValuesInput,
  batch: string[],
  fields: Map<string, OpenField[]>,
): Promise<{ values: FieldValueProposal[]; repaired: boolean }> {
  const operations = batch.map((key) => {
    const operation = input.operations.find((candidate) => candidate.key === key)!;
    return {
      operation: key,
      summary: operation.summary,
      fields: fields.get(key)!.map((field) => ({
        in: field.in,
        field: field.path.join('.'),
        schema: compactSchema(field.schema),
        placeholder: field.value,
      })),
    };
  });
  const count = operations.reduce((sum, operation) => sum + operation.fields.length, 0);
  const result = await client.generateObject({
    task: FIELD_VALUES_CAPABILITY,
    system: SYSTEM_PROMPT.replace('{{language}}', LANGUAGE_NAMES[input.language]).replace(
      '{{maxValues}}',
      String(Math.min(200, count)),
    ),
    prompt: delimitedData('operations', operations),
    schema: fieldValueProposalsSchema,
    schemaName: 'field_value_proposals',
    temperature: 0.2,
  });
  return { values: result.value.values, repaired: result.repaired };
}

function judge(
  proposal: FieldValueProposal,
  fields: Map<string, OpenField[]>,
  checker: ValueRepairs,
  taken: ValueRepair[],
): { ok: true; value: ValueRepair } | { ok: false; reason: string } {
  const field = fields
    .get(proposal.operation)
    ?.find((candidate) => candidate.in === proposal.in && candidate.path.join('.') === proposal.field);
  if (!field) return { ok: false, reason: 'names a field the request does not fill with a plain value' };
  const value: ValueRepair = {
    operation: proposal.operation,
    in: proposal.in,
    path: field.path,
    value: proposal.value,
  };
  const verdict = checker.accepts(value);
  if (!verdict.ok) return verdict;
  if (
    taken.some(
      (other) =>
        other.operation === value.operation &&
        other.in === value.in &&
        other.path.join('.') === proposal.field,
    )
  )
    return { ok: false, reason: 'a second value for the same field' };
  return { ok: true, value };
}

/** Body and query fields the builder fills with a literal: not ids, variables or unique names. */
function openFieldsOf(operation: ApiOperation, requests: RequestBuilder, checker: ValueRepairs): OpenField[] {
  try {
    return openFields(operation.key, requests.build(operation).request, checker);
  } catch {
    return []; // the deterministic design reports what cannot be built
  }
}
