import { readFileSync } from 'node:fs';
import type { ApiModel, ApiOperation } from '../../core/api-model.ts';
import { documentedStatuses } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import type { ModelClient } from '../../core/model-client.ts';
import { delimitedData } from '../../core/prompt-data.ts';
import type { ApiSuite, ApiTestCase, Step } from '../../core/test-case.ts';
import { bodyFields, responseAssertions, slug, withField } from './case-helpers.ts';
import { askInBatches } from './model-batches.ts';
import { repeatRequest } from './repeated-request.ts';
import { compactSchema, openFields, type OpenField } from './open-fields.ts';
import { ruleCaseProposalsSchema, type RuleCaseProposal } from './rule-case-proposals.ts';
import { SchemaContext } from './schema-context.ts';
import { ValueRepairs } from './value-repairs.ts';

const SYSTEM_PROMPT = readFileSync(new URL('./prompts/business-rules.md', import.meta.url), 'utf8');
/** Operations per call: a failed call costs only its batch. */
const BATCH_SIZE = 8;
const CASES_PER_OPERATION = 3;
/** A quote shorter than this could be found in almost any text ("name", "409"). */
const MIN_QUOTE = 12;
const LANGUAGE_NAMES = { en: 'English', ru: 'Russian' } as const;

export const RULE_CASES_CAPABILITY = 'api → business rules';
/** Marks a case built from the model's rule: `covers` holds `rule: <quote>`. */
export const API_RULE_COVER_PREFIX = 'rule: ';

export interface RuleCasesOutcome {
  /** Cases built from accepted proposals, each a variant of its operation's success case. */
  cases: ApiTestCase[];
  proposed: number;
  /** Why each refused proposal was refused (a rule the text does not state, an undocumented status, …). */
  rejected: string[];
  repaired: number;
  failedBatches: number;
  batches: number;
  error: unknown;
}

/** An operation the model may write rules for: it has a success case to vary, and text to read. */
interface Candidate {
  operation: ApiOperation;
  positive: ApiTestCase;
  fields: OpenField[];
  /** The operation's own text, normalised: a rule must be quoted from it. */
  text: string;
}

/**
 * Asks the model, batch by batch, for cases checking the business rules an API's text states,
 * and builds each accepted one from its operation's success case: the same request with the
 * proposed field values (each valid for its schema), optionally sent once before, expecting a
 * documented status. A proposal whose rule is not quoted from the operation's text, whose status
 * the operation does not document, or whose values break their schema is rejected and counted.
 */
export async function proposeRuleCases(
  client: ModelClient,
  input: { model: ApiModel; suite: ApiSuite; language: 'en' | 'ru' },
): Promise<RuleCasesOutcome> {
  const checker = new ValueRepairs(input.model);
  const candidates = candidatesOf(input.model, input.suite, checker);
  const answers = await askInBatches(candidates, BATCH_SIZE, (batch) =>
    askBatch(client, batch, input.language),
  );
  const outcome: RuleCasesOutcome = {
    cases: [],
    proposed: 0,
    rejected: [],
    repaired: 0,
    failedBatches: 0,
    batches: answers.length,
    error: undefined,
  };
  const byKey = new Map(candidates.map((candidate) => [candidate.operation.key, candidate]));
  const titles = new Set(input.suite.cases.map((testCase) => testCase.title));
  const perOperation = new Map<string, number>();
  for (const answer of answers) {
    if ('error' in answer) {
      outcome.failedBatches += 1;
      outcome.error ??= answer.error;
      continue;
    }
    outcome.repaired += answer.repaired ? 1 : 0;
    for (const proposal of answer.cases) {
      outcome.proposed += 1;
      const candidate = byKey.get(proposal.operation);
      const refusal = candidate
        ? refusalOf(proposal, candidate, checker, perOperation.get(proposal.operation) ?? 0)
        : 'names an operation that was not offered';
      if (refusal) {
        outcome.rejected.push(`${proposal.operation}: "${proposal.title}": ${refusal}`);
        continue;
      }
      const built = buildRuleCase(proposal, candidate!);
      if (titles.has(built.title)) {
        outcome.rejected.push(`${proposal.operation}: "${proposal.title}": the same case twice`);
        continue;
      }
      titles.add(built.title);
      perOperation.set(proposal.operation, (perOperation.get(proposal.operation) ?? 0) + 1);
      outcome.cases.push(built);
    }
  }
  return outcome;
}

function candidatesOf(model: ApiModel, suite: ApiSuite, checker: ValueRepairs): Candidate[] {
  const schemas = new SchemaContext(model);
  return model.operations.flatMap((operation) => {
    const positive = suite.cases.find(
      (testCase) => testCase.kind === 'positive' && testCase.operation === operation.key,
    );
    const act = positive?.steps.find((step) => step.phase === 'act');
    if (!positive || !act) return [];
    const fields = [
      ...openFields(operation.key, act.request, checker),
      ...unsentFields(operation, act, schemas, checker),
    ];
    const text = normalise(operationText(operation, schemas, fields));
    return text.length >= MIN_QUOTE ? [{ operation, positive, fields, text }] : [];
  });
}

async function askBatch(
  client: ModelClient,
  batch: Candidate[],
  language: 'en' | 'ru',
): Promise<{ cases: RuleCaseProposal[]; repaired: boolean }> {
  const operations = batch.map(({ operation, fields }) => ({
    operation: operation.key,
    summary: operation.summary,
    description: operation.description,
    responses: operation.responses.map((response) => ({
      status: response.status,
      description: response.description,
    })),
    fields: fields.map((field) => ({
      in: field.in,
      field: field.path.join('.'),
      schema: compactSchema(field.schema),
      ...(field.value === undefined ? { sent: false } : { value: field.value }),
    })),
  }));
  const result = await client.generateObject({
    task: RULE_CASES_CAPABILITY,
    system: SYSTEM_PROMPT.replace('{{language}}', LANGUAGE_NAMES[language]).replace(
      '{{maxCases}}',
      String(batch.length * CASES_PER_OPERATION),
    ),
    prompt: delimitedData('operations', operations),
    schema: ruleCaseProposalsSchema,
    schemaName: 'api_rule_cases',
    temperature: 0.2,
  });
  return { cases: result.value.cases, repaired: result.repaired };
}

/** Why a proposal cannot become a case, or undefined. */
function refusalOf(
  proposal: RuleCaseProposal,
  candidate: Candidate,
  checker: ValueRepairs,
  taken: number,
): string | undefined {
  if (taken >= CASES_PER_OPERATION) return `more than ${CASES_PER_OPERATION} rule cases for one operation`;
  const quote = normalise(proposal.rule);
  if (quote.length < MIN_QUOTE || !candidate.text.includes(quote))
    return `its rule is not quoted from the operation's text ("${proposal.rule.slice(0, 80)}")`;
  const documented = documentedStatuses(candidate.operation);
  if (!documented.includes(proposal.expectStatus))
    return `expects ${proposal.expectStatus}, which the operation does not document (${documented.join(', ')})`;
  if (proposal.setup === 'none' && proposal.fields.length === 0)
    return 'the valid request unchanged: the success case checks it already';
  const seen = new Set<string>();
  for (const field of proposal.fields) {
    const open = candidate.fields.find(
      (candidateField) => candidateField.in === field.in && candidateField.path.join('.') === field.field,
    );
    if (!open)
      return `names ${field.in} field "${field.field}", which the request does not fill with a plain value`;
    if (seen.has(`${field.in} ${field.field}`)) return `changes ${field.in} field "${field.field}" twice`;
    seen.add(`${field.in} ${field.field}`);
    const verdict = checker.accepts({
      operation: proposal.operation,
      in: field.in,
      path: open.path,
      value: field.value,
    });
    if (!verdict.ok) return verdict.reason;
  }
  return undefined;
}

/**
 * The success case with the proposal applied. With `same-request-first` the valid request is
 * sent first (and must succeed), keeping the unique values it sent, and the checked request
 * sends the same values again.
 */
function buildRuleCase(proposal: RuleCaseProposal, candidate: Candidate): ApiTestCase {
  const { positive, operation } = candidate;
  const actIndex = positive.steps.findIndex((step) => step.phase === 'act');
  const act = positive.steps[actIndex]!;
  let request = structuredClone(act.request);
  for (const field of proposal.fields) {
    if (field.in === 'query') request.query[field.field] = { kind: 'literal', value: field.value };
    else if (request.body?.kind === 'json')
      request = {
        ...request,
        body: {
          ...request.body,
          value: withField(request.body.value, field.field.split('.'), {
            kind: 'literal',
            value: field.value,
          }),
        },
      };
  }
  const first: Step[] = [];
  if (proposal.setup === 'same-request-first') {
    const repeated = repeatRequest(act, `${operation.key} once, as the rule's "already" needs`, request);
    first.push(repeated.first);
    request = repeated.request;
  }
  const checked: Step = {
    ...act,
    title: `${operation.key}: ${proposal.title}`,
    request,
    assertions: responseAssertions(operation, [proposal.expectStatus]),
    // Kept when a refusal is expected too: a server that accepts after all has created something
    // the test must remove (a refusal's body has no id, and nothing is tracked).
  };
  const title = `${operation.key} ${proposal.title} (${proposal.expectStatus})`;
  return {
    ...positive,
    id: slug(`rule ${title}`),
    title,
    kind: 'rule',
    steps: [...positive.steps.slice(0, actIndex), ...first, checked, ...positive.steps.slice(actIndex + 1)],
    priority: 'normal',
    covers: [`${operation.key} ${proposal.expectStatus}`, `${API_RULE_COVER_PREFIX}${proposal.rule}`],
  };
}

/**
 * Documented top-level body fields the valid request leaves out: rules are often about optional
 * ones ("a read-only disk cannot be …"). Their values are checked against the schema like any.
 */
function unsentFields(
  operation: ApiOperation,
  act: Step,
  schemas: SchemaContext,
  checker: ValueRepairs,
): OpenField[] {
  const body = act.request.body;
  if (body?.kind !== 'json' || body.value.kind !== 'object') return [];
  const sent = new Set(Object.keys(body.value.entries));
  return bodyFields(schemas, operation).flatMap((field) => {
    if (field.path.length !== 1 || sent.has(field.name)) return [];
    const schema = checker.fieldSchema({ operation: operation.key, in: 'body', path: [field.name] });
    return schema ? [{ in: 'body' as const, path: [field.name], value: undefined, schema }] : [];
  });
}

/** The operation's own words: summary, description, responses' and fields' descriptions. */
function operationText(operation: ApiOperation, schemas: SchemaContext, fields: OpenField[]): string {
  const parts = [operation.summary, operation.description, ...operation.responses.map((r) => r.description)];
  for (const field of fields) parts.push(field.schema.description);
  const body = operation.requestBody?.schema;
  if (body) collectDescriptions(schemas.flatten(body), schemas, parts, 0);
  return parts.filter((part): part is string => typeof part === 'string').join('\n');
}

function collectDescriptions(
  schema: JsonSchema,
  schemas: SchemaContext,
  into: unknown[],
  depth: number,
): void {
  if (depth > 4) return;
  into.push(schema.description);
  for (const child of Object.values(schema.properties ?? {}))
    collectDescriptions(schemas.flatten(child), schemas, into, depth + 1);
  if (schema.items) collectDescriptions(schemas.flatten(schema.items), schemas, into, depth + 1);
}

/** Case, spacing, quotes and list markers do not matter when matching a quote to the text. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[«»"“”'‘’`]/g, '')
    .replace(/^\s*[-*•]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .replace(/[.;:,!]+$/g, '')
    .trim();
}
