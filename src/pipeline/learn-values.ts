import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiModel, ApiOperation } from '../core/api-model.ts';
import { requestOperation } from '../core/request-operation.ts';
import type { EventSink } from '../core/events.ts';
import type { LearnedValue, RecordedExchange } from '../core/run-report.ts';
import type { ApiSuite } from '../core/test-case.ts';
import { ValueRepairs, type ValueRepair } from '../generation/api/value-repairs.ts';
import {
  mentionedFields,
  statedFields,
  rejectedFields,
  type RejectedField,
} from '../validation/execution/rejected-fields.ts';

/** Rounds of "run the success tests once, repair what the server named": each fixes a layer. */
export const MAX_LEARNING_ROUNDS = 3;
/** Refusals of the input itself; 401/403/404/429 are about credentials, ids and pace. */
const INPUT_REFUSALS = new Set([400, 409, 422]);

export interface LearningState {
  repairs: ValueRepair[];
  learned: LearnedValue[];
}

export interface ProbeRun {
  /** Design the suite with the repairs so far, emit it, run its success tests once; the failures' evidence files. */
  run(repairs: ValueRepair[]): Promise<{ suiteDir: string; evidence: string[] }>;
}

/**
 * Learns input values from the server before verification: when a documented-valid request is
 * refused with a 4xx whose body names a field, that field gets another schema-valid value and the
 * success tests run again. Inputs change; expectations never do.
 */
export async function learnValues(input: {
  model: ApiModel;
  probe: ProbeRun;
  events: EventSink;
}): Promise<LearningState> {
  const state: LearningState = { repairs: [], learned: [] };
  const repairs = new ValueRepairs(input.model);
  for (let round = 1; round <= MAX_LEARNING_ROUNDS; round++) {
    const { suiteDir, evidence } = await input.probe.run(state.repairs);
    const refusals = await Promise.all(evidence.map((file) => refusalOf(join(suiteDir, file))));
    const before = state.learned.length;
    // Many tests meet the same refusal in one round (every test whose set-up makes a user): the
    // first one decides the field's next value; the others carry the same old request.
    const round = new Set<string>();
    for (const refusal of refusals.flatMap((found) => (found ? [found] : [])))
      learnFrom(refusal, { model: input.model, repairs, state, round });
    const fresh = state.learned.slice(before);
    for (const learned of fresh)
      input.events({
        type: 'log',
        level: 'info',
        message: `learned from ${learned.status}: ${learned.operation} "${learned.field}" ${JSON.stringify(learned.from)} → ${JSON.stringify(learned.to)}`,
      });
    if (fresh.length === 0) break;
  }
  return state;
}

interface Refusal {
  exchange: RecordedExchange & { response: NonNullable<RecordedExchange['response']> };
}

/** The first input refusal a failed success test met (its own request, or a fixture's create). */
async function refusalOf(file: string): Promise<Refusal | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const evidence = JSON.parse(text) as { exchanges?: RecordedExchange[] };
  const exchange = (evidence.exchanges ?? []).find(
    (candidate) => candidate.response && INPUT_REFUSALS.has(candidate.response.status),
  );
  return exchange ? { exchange: exchange as Refusal['exchange'] } : undefined;
}

function learnFrom(
  refusal: Refusal,
  context: { model: ApiModel; repairs: ValueRepairs; state: LearningState; round: Set<string> },
): void {
  const { request, response } = refusal.exchange;
  const operation = requestOperation(context.model.operations, request.method, request.url);
  if (!operation) return;
  if (response.status === 409 && rejectedFields(response.body).every((field) => field.path.length === 0)) {
    learnUnique(refusal, operation, context);
    return;
  }
  for (const field of refusedFields(response.body, request, operation, context.repairs)) {
    if (field.path.length === 0) continue;
    const key = `${field.in}:${field.path.join('.')}`;
    if (context.round.has(`${operation.key} ${key}`)) continue;
    context.round.add(`${operation.key} ${key}`);
    const sent = sentValue(request, field);
    const earlier = context.state.learned.filter(
      (learned) => learned.operation === operation.key && `${learned.in}:${learned.field}` === key,
    );
    const tried = [sent, ...earlier.flatMap((learned) => [learned.from, learned.to])];
    const next = context.repairs.next({ operation: operation.key, in: field.in, path: field.path, tried });
    if (!next) continue;
    context.state.repairs = [
      ...context.state.repairs.filter(
        (repair) => repair.operation !== operation.key || `${repair.in}:${repair.path.join('.')}` !== key,
      ),
      { operation: operation.key, in: field.in, path: field.path, value: next.value },
    ];
    context.state.learned.push({
      operation: operation.key,
      in: field.in,
      field: field.path.join('.'),
      from: sent,
      to: next.value,
      status: response.status,
      reason: field.message.slice(0, 200),
    });
  }
}

/**
 * A 409 naming no field: what the request sent is taken already (left by an earlier run, or by
 * a test before it). The first required text field it sent is made unique per run, and only
 * that one: another may name an existing thing (a tag's type), which a made-up value breaks.
 */
function learnUnique(
  refusal: Refusal,
  operation: ApiOperation,
  context: { repairs: ValueRepairs; state: LearningState },
): void {
  const { request, response } = refusal.exchange;
  const root = context.repairs.fieldSchema({ operation: operation.key, in: 'body', path: [] });
  // Once per operation: a field made unique that still conflicts says the conflict is elsewhere.
  if (context.state.repairs.some((repair) => repair.operation === operation.key && repair.unique)) return;
  for (const name of root?.required ?? []) {
    const sent = sentValue(request, { in: 'body', path: [name], message: '' });
    if (typeof sent !== 'string') continue;
    context.state.repairs = [
      ...context.state.repairs.filter(
        (repair) => repair.operation !== operation.key || repair.path.join('.') !== name,
      ),
      { operation: operation.key, in: 'body', path: [name], value: sent, unique: true },
    ];
    context.state.learned.push({
      operation: operation.key,
      in: 'body',
      field: name,
      from: sent,
      to: `${sent} (unique per run)`,
      status: response.status,
      reason: `already taken: ${response.body.slice(0, 160)}`,
    });
    return;
  }
}

/**
 * The fields a refusal names; failing that, the body fields it states a rule about, and those it
 * mentions in words that the request left out ("You must specify username or email"): added,
 * never changed again on a mere mention, which a later refusal about something else may make.
 */
function refusedFields(
  body: string,
  request: RecordedExchange['request'],
  operation: ApiOperation,
  repairs: ValueRepairs,
): RejectedField[] {
  const named = rejectedFields(body).filter((field) => field.path.length > 0);
  if (named.length > 0) return named;
  const fields = Object.keys(
    repairs.fieldSchema({ operation: operation.key, in: 'body', path: [] })?.properties ?? {},
  );
  // A rule stated about a field ("The password must be at least 10 characters long") names it
  // as surely as a pointer does: the value sent is changed like any refused one.
  const stated = statedFields(body, fields);
  const left = mentionedFields(body, fields).filter(
    (field) =>
      sentValue(request, field) === undefined && !stated.some((rule) => rule.path[0] === field.path[0]),
  );
  return [...stated, ...left];
}

function sentValue(request: RecordedExchange['request'], field: RejectedField): unknown {
  if (field.in === 'query') return new URL(request.url).searchParams.get(field.path[0]!) ?? undefined;
  let current: unknown;
  try {
    current = JSON.parse(request.body ?? '');
  } catch {
    return undefined;
  }
  for (const token of field.path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

/** The success tests of a suite: what the probe runs. */
export function successCases(suite: ApiSuite): ApiSuite {
  return { ...suite, cases: suite.cases.filter((testCase) => testCase.kind === 'positive') };
}
