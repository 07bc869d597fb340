import type { ApiOperation } from '../../core/api-model.ts';
import { repairAnswerRefusal } from '../../core/case-repair.ts';
import type { ApiSuite, ApiTestCase, Step, ValueExpr } from '../../core/test-case.ts';
import type { ApiCaseRepairAnswer, ApiCaseRepairChange } from './case-repair-proposals.ts';

export type AppliedApiRepair =
  { ok: true; testCase: ApiTestCase; changes: string[] } | { ok: false; reason: string; changes: string[] };

interface RepairInput {
  testCase: ApiTestCase;
  /** The suite's recipes (the kinds it can create) and its credentials. */
  suite: Pick<ApiSuite, 'recipes' | 'auth'>;
  /** The API model's operations: each step's documented responses are the only evidence for a status. */
  operations: ApiOperation[];
  answer: ApiCaseRepairAnswer;
}

/**
 * The model's edits applied to a copy of the case, or why they cannot be: every step, parameter,
 * body field and resource kind must exist (in the case, in the suite's recipes), a case that
 * tests a missing resource or missing credentials on purpose keeps doing so, and an expected
 * status changes only to one the spec documents for that operation, quoted as evidence — never
 * from success to failure. One bad edit rejects the whole repair.
 */
export function applyApiCaseRepair(input: RepairInput): AppliedApiRepair {
  const testCase = structuredClone(input.testCase);
  const changes = input.answer.changes.map((change) => describeChange(change, input.testCase));
  const answerRefusal = repairAnswerRefusal(input.answer, input.testCase.id);
  if (answerRefusal) return { ok: false, reason: answerRefusal, changes };
  for (const change of input.answer.changes) {
    const refusal = applyChange(testCase, change, input);
    if (refusal) return { ok: false, reason: refusal, changes };
  }
  return { ok: true, testCase, changes };
}

function applyChange(
  testCase: ApiTestCase,
  change: ApiCaseRepairChange,
  input: RepairInput,
): string | undefined {
  if (change.op === 'add-prerequisite') {
    const refusal = kindRefusal(change.kind, input);
    if (refusal) return refusal;
    if (testCase.uses.some((use) => use.resource === change.kind))
      return `the case already creates a ${change.kind} first`;
    testCase.uses.push({ alias: aliasFor(testCase, change.kind), resource: change.kind });
    return undefined;
  }
  const step = testCase.steps[change.step];
  if (!step) return `step ${change.step} is not in the case (it has ${testCase.steps.length})`;
  switch (change.op) {
    case 'use-created':
      return useCreated(testCase, step, change, input);
    case 'use-auth':
      if (input.suite.auth.kind === 'none') return 'the suite sends no credentials: the API declares none';
      if (testCase.kind === 'auth') return 'the case checks missing or bad credentials on purpose: they stay';
      step.request.auth = 'valid';
      return undefined;
    case 'change-status':
      return changeStatus(step, change, input.operations);
  }
}

function useCreated(
  testCase: ApiTestCase,
  step: Step,
  change: Extract<ApiCaseRepairChange, { op: 'use-created' }>,
  input: RepairInput,
): string | undefined {
  if (testCase.missingResource) return 'the case calls an identifier that names nothing on purpose: it stays';
  const refusal = kindRefusal(change.kind, input);
  if (refusal) return refusal;
  const holder = holderOf(step, change.in);
  if (!holder || !(change.name in holder))
    return `step ${change.step} sends no ${change.in === 'body' ? 'body field' : `${change.in} parameter`} "${change.name}"`;
  let use = testCase.uses.find((candidate) => candidate.resource === change.kind);
  if (!use) {
    use = { alias: aliasFor(testCase, change.kind), resource: change.kind };
    testCase.uses.push(use);
  }
  holder[change.name] = { kind: 'resource', alias: use.alias, field: 'id' };
  return undefined;
}

/** Where a named value sits in the step's request: path or query parameters, the JSON body's top level. */
function holderOf(step: Step, place: 'path' | 'query' | 'body'): Record<string, ValueExpr> | undefined {
  if (place === 'path') return step.request.pathParams;
  if (place === 'query') return step.request.query;
  const body = step.request.body;
  if (body?.kind !== 'json' && body?.kind !== 'multipart') return undefined;
  return body.value.kind === 'object' ? body.value.entries : undefined;
}

function kindRefusal(kind: string, input: RepairInput): string | undefined {
  if (input.suite.recipes.some((recipe) => recipe.name === kind)) return undefined;
  const known = input.suite.recipes.map((recipe) => recipe.name).join(', ') || 'none';
  return `names resource kind "${kind}", which the suite cannot create (kinds it creates: ${known})`;
}

function aliasFor(testCase: ApiTestCase, kind: string): string {
  const taken = new Set(testCase.uses.map((use) => use.alias));
  let alias = kind;
  for (let suffix = 2; taken.has(alias); suffix += 1) alias = `${kind}${suffix}`;
  return alias;
}

function changeStatus(
  step: Step,
  change: Extract<ApiCaseRepairChange, { op: 'change-status' }>,
  operations: ApiOperation[],
): string | undefined {
  const assertion = step.assertions.find((candidate) => candidate.kind === 'status');
  if (!assertion || assertion.kind !== 'status') return `step ${change.step} checks no status`;
  const key = `${step.request.method.toUpperCase()} ${step.request.path}`;
  const operation = operations.find((candidate) => candidate.key === key);
  if (!operation) return `${key} is not an operation of the spec`;
  const refusal = statusEvidenceRefusal(operation, change.status, change.evidence.quote);
  if (refusal) return `expected status of step ${change.step} not changed: ${refusal}`;
  if (assertion.oneOf.every((status) => status < 300) && change.status >= 400)
    return `expected status of step ${change.step} not changed: a repair never turns an expected success into an expected failure`;
  assertion.oneOf = [change.status];
  return undefined;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Why a new expected status lacks evidence, or undefined: the operation must document the status,
 * and the quote must name the status, and any other words in it must be the response's documented
 * description (`201`, `201: Disk created`).
 */
export function statusEvidenceRefusal(
  operation: ApiOperation,
  status: number,
  quote: string,
): string | undefined {
  const response = operation.responses.find((candidate) => candidate.status === status);
  if (!response) return `${operation.key} documents no ${status} response`;
  const quoted = normalise(quote);
  if (!quoted.includes(String(status))) return `the quoted evidence does not name ${status}`;
  // What the quote says beside the status must be the documented description's own words.
  const words = normalise(quoted.replace(String(status), ' ').replace(/^[\s:–-]+/, ''));
  return words === '' || normalise(response.description).includes(words)
    ? undefined
    : `the quote ${JSON.stringify(quote)} is not the spec's ${status} response of ${operation.key}`;
}

/** One line per edit, for the report: what the model asked for, in words. */
function describeChange(change: ApiCaseRepairChange, testCase: ApiTestCase): string {
  const at = (step: number) => {
    const request = testCase.steps[step]?.request;
    return `step ${step}${request ? ` (${request.method.toUpperCase()} ${request.path})` : ''}`;
  };
  switch (change.op) {
    case 'use-created':
      return `${at(change.step)}: ${change.in} ${change.name} → id of ${/^[aeiou]/i.test(change.kind) ? 'an' : 'a'} ${change.kind} created first`;
    case 'add-prerequisite':
      return `create a ${change.kind} before the test`;
    case 'use-auth':
      return `${at(change.step)}: send the suite's credentials`;
    case 'change-status':
      return `${at(change.step)}: expected status → ${change.status} (evidence: ${JSON.stringify(change.evidence.quote)})`;
  }
}
