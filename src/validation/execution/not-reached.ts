import { listsStatus } from './documented-refusal.ts';
import type { NotReachedOperation, RecordedExchange } from '../../core/run-report.ts';
import { pathParameterValues, requestOperation, splitOperationKey } from '../../core/request-operation.ts';
import { requestedOperationKey } from './failed-set-up.ts';
import type { FailedTest } from './classify-failure.ts';

/**
 * Refusals that speak about what the suite sent or is, not about the server: credentials (401,
 * 403), an identifier or value naming nothing or something taken (404, 409), input the learning
 * probe could not repair (400, 422), pace (429). 5xx, 405, 406 and 415 never are: the server
 * fails, or refuses a documented method or content type.
 */
const INPUT_REFUSALS = new Set([400, 401, 403, 404, 409, 422, 429]);

/** What the verdicts know of the suite beyond one failure. */
export interface ReachContext {
  /** The suite's operation keys (`GET /users/{id}`). */
  operations: readonly string[];
  /** Documented statuses per operation, as written (`404`, `4XX`); absent in older manifests. */
  documentedStatuses?: Readonly<Record<string, readonly string[]>>;
  /** Operations whose success test passed every run: a refusal there is the server's, not ours. */
  succeeded: ReadonlySet<string>;
}

/** A failed test that never reached what it checks, and why. */
export interface NotReachedTest {
  test: string;
  operation: string;
  testKind: string | undefined;
  status: number;
  message: string;
  refused: string;
  unlock: string;
  evidence: string;
}

/**
 * The failures that are not findings because the operation was never reached: a documented-valid
 * request (the success request, or the set-up another operation makes for it) refused with a
 * status that speaks about the suite's input, on an operation whose success was never seen.
 * Still findings: anything outside INPUT_REFUSALS; a variant refused while the operation's success
 * test passed (the server refuses what the document allows while the plain request works); a 404
 * for an identifier the server itself answered earlier in the test; a 404 on a path without
 * parameters that documents no 404 and sends no identifier (the documented route is missing). A
 * test expecting a refusal
 * and meeting another is not reached only when the operation's success test was not either.
 */
export function judgeNotReached(
  failures: readonly FailedTest[],
  context: ReachContext,
): Map<string, NotReachedTest> {
  const operations = context.operations.map(splitOperationKey);
  const judged = new Map<string, NotReachedTest>();
  const refusedSuccess = new Set<string>();
  for (const failed of failures) {
    const found = judgeOne(failed, context, operations, { expectsRefusal: false });
    if (!found) continue;
    judged.set(failed.test, found);
    refusedSuccess.add(failed.operation);
  }
  for (const failed of failures) {
    if (judged.has(failed.test) || !refusedSuccess.has(failed.operation)) continue;
    const found = judgeOne(failed, context, operations, { expectsRefusal: true });
    if (found) judged.set(failed.test, found);
  }
  return judged;
}

function judgeOne(
  failed: FailedTest,
  context: ReachContext,
  operations: ReturnType<typeof splitOperationKey>[],
  pass: { expectsRefusal: boolean },
): NotReachedTest | undefined {
  const exchange = failed.exchange;
  const status = exchange?.response?.status;
  if (!pass.expectsRefusal) {
    const empty = emptyLookup(failed, operations);
    if (empty) return empty;
  }
  if (!exchange?.response || status === undefined || !INPUT_REFUSALS.has(status)) return undefined;
  // Only a refused status speaks of reaching: a refusal whose body or content type breaks the
  // document is the server's answer, checked as such.
  if (!/^status \d{3}/.test(failed.actual)) return undefined;
  const refused = requestOperation(operations, exchange.request.method, exchange.request.url);
  const refusedKey = requestedOperationKey(operations, exchange.request);
  const base = {
    test: failed.test,
    operation: failed.operation,
    testKind: failed.testKind,
    status,
    message: serverMessage(exchange.response.body),
    refused: refusedKey,
    evidence: failed.evidence,
  };
  // Pace is never a verdict: the runtime retried as told and the limit still held.
  if (status === 429) return { ...base, unlock: unlockFor(429, failed.operation, refusedKey) };
  const expected = [...failed.expected.matchAll(/\b\d{3}\b/g)].map((match) => Number(match[0]));
  const successExpected = expected.length > 0 && expected.every((code) => code < 400);
  if (successExpected === pass.expectsRefusal) return undefined;
  if (status === 404 && refused && answeredBefore(refused.path, exchange, failed.earlier ?? []))
    return undefined;
  const own = refusedKey === failed.operation;
  if (!own) return { ...base, unlock: unlockFor('set-up', failed.operation, refusedKey, status) };
  if (
    status === 404 &&
    refused &&
    !refused.path.includes('{') &&
    !listsStatus(context.documentedStatuses?.[refused.key], 404)
  ) {
    // No identifier in the path: a 404 says the route is missing, unless the request names
    // something by an identifier of its own (`{"ids": [12]}`) that the 404 may be about.
    if (!sendsIdentifier(exchange)) return undefined;
  }
  if (context.succeeded.has(failed.operation)) return undefined;
  return { ...base, unlock: unlockFor(status, failed.operation, refusedKey) };
}

/**
 * A set-up that looks a thing up in a list (a kind the API only lists, or one the suite may not
 * make) and found none to use: the list answered, empty of it. The test never reached its
 * operation; the target did nothing wrong. Both runtimes say `Creating a <resource> returned no id`.
 */
function emptyLookup(
  failed: FailedTest,
  operations: ReturnType<typeof splitOperationKey>[],
): NotReachedTest | undefined {
  const resource = /Creating an? (.+?) returned no id/.exec(failed.message)?.[1];
  const exchange = failed.exchange;
  const status = exchange?.response?.status;
  if (!resource || !exchange || status === undefined || status >= 300) return undefined;
  if (exchange.request.method.toUpperCase() !== 'GET') return undefined;
  const listed = requestOperation(operations, exchange.request.method, exchange.request.url);
  const listKey = listed?.key ?? `GET ${new URL(exchange.request.url).pathname}`;
  const vars = varOptions(failed.operation);
  return {
    test: failed.test,
    operation: failed.operation,
    testKind: failed.testKind,
    status,
    message: `${listKey} listed no ${resource} to use`,
    refused: listKey,
    unlock: vars
      ? `give what it acts on with ${vars}, or have a ${resource} on the target before the run`
      : `have a ${resource} on the target before the run`,
    evidence: failed.evidence,
  };
}

/** One entry per operation, headed by its success test's refusal when it has one. */
export function groupNotReached(tests: Iterable<NotReachedTest>): NotReachedOperation[] {
  const byOperation = new Map<string, NotReachedTest[]>();
  for (const test of tests)
    byOperation.set(test.operation, [...(byOperation.get(test.operation) ?? []), test]);
  return [...byOperation.entries()]
    .map(([operation, mine]) => {
      const head = mine.find((test) => test.testKind === 'positive') ?? mine[0]!;
      return {
        operation,
        status: head.status,
        message: head.message,
        refused: head.refused,
        unlock: head.unlock,
        tests: mine.map((test) => ({ test: test.test, status: test.status, evidence: test.evidence })),
      };
    })
    .sort((a, b) => a.operation.localeCompare(b.operation));
}

/** The line written beside a not-reached test in the emitted suite: never "suspected defect". */
export function notReachedReason(test: NotReachedTest): string {
  const what = test.refused === test.operation ? test.refused : `its set-up ${test.refused}`;
  const how = test.status < 300 ? `found nothing (${test.status})` : `was refused with ${test.status}`;
  return `Not delivered by TestOps Copilot: not reached, ${what} ${how} (evidence: ${test.evidence}): ${test.message.replace(/[.!\s]+$/, '')}. To reach it: ${test.unlock}`
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}

/** `--var id=<an existing one>` for each path parameter of the operation. */
function varOptions(operation: string): string {
  const params = [...splitOperationKey(operation).path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  return params.map((name) => `--var ${name}=<an existing one>`).join(' ');
}

function unlockFor(cause: number | 'set-up', operation: string, refused: string, status?: number): string {
  const vars = varOptions(operation);
  switch (cause) {
    case 'set-up':
      return vars
        ? `give what it acts on with ${vars}, or make ${refused} accept the suite's request (it answered ${status})`
        : `make ${refused} accept the suite's request (it answered ${status})`;
    case 429:
      return 'a slower pace: the target kept answering 429 after the retries honouring Retry-After; run these tests alone or raise its rate limit';
    case 401:
      return 'credentials this operation accepts (the ones given were refused), or a real value for a token the request carries';
    case 403:
      return 'credentials of another kind or with more rights (an API token where a signed-in user is needed is refused)';
    case 404:
      return vars
        ? `${vars} naming something that exists`
        : 'a value in the request that names something existing (the target found none)';
    case 409:
      return 'a value not taken yet: the target says what the request names exists already';
    default:
      return vars
        ? `input the target accepts (its refusal names nothing the suite could change), or ${vars}`
        : 'input the target accepts: its refusal names nothing the suite could change';
  }
}

const IDENTIFIER_NAME = /^(id|ids)$|[a-z0-9](Id|Ids|_id|_ids|ID|IDs)$/;

/** The request's body or query names something by an identifier (`id`, `ids`, `userId`, `user_ids`). */
function sendsIdentifier(exchange: RecordedExchange): boolean {
  const query = [...new URL(exchange.request.url).searchParams.keys()];
  return [...query, ...keys(parseJson(exchange.request.body ?? ''))].some((name) =>
    IDENTIFIER_NAME.test(name),
  );
}

function keys(value: unknown, into: string[] = [], depth = 0): string[] {
  if (depth > 8 || value === null || typeof value !== 'object') return into;
  if (Array.isArray(value)) for (const item of value.slice(0, 50)) keys(item, into, depth + 1);
  else
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      into.push(name);
      keys(item, into, depth + 1);
    }
  return into;
}

/**
 * A path value the server itself answered (or accepted in a create) earlier in the test: a 404
 * for it says the server lost what it made, which is evidence, not the suite's made-up value.
 */
function answeredBefore(
  template: string,
  exchange: RecordedExchange,
  earlier: readonly RecordedExchange[],
): boolean {
  const values = Object.values(pathParameterValues(template, exchange.request.url)).filter(Boolean);
  if (values.length === 0) return false;
  const answered = earlier
    .filter((before) => before.response && before.response.status < 300)
    .flatMap((before) => [
      ...scalars(parseJson(before.response!.body)),
      ...(/^(POST|PUT|PATCH)$/i.test(before.request.method)
        ? scalars(parseJson(before.request.body ?? ''))
        : []),
    ]);
  return values.some((value) => answered.includes(value));
}

function scalars(value: unknown, into: string[] = [], depth = 0): string[] {
  if (depth > 8 || value === null || value === undefined) return into;
  if (typeof value === 'string' || typeof value === 'number') into.push(String(value));
  else if (Array.isArray(value)) for (const item of value.slice(0, 200)) scalars(item, into, depth + 1);
  else if (typeof value === 'object')
    for (const item of Object.values(value as Record<string, unknown>)) scalars(item, into, depth + 1);
  return into;
}

/** The server's own words: a JSON error's message (or first detail), else the body's start. */
export function serverMessage(body: string): string {
  const parsed = parseJson(body) as Record<string, unknown> | undefined;
  const details = Array.isArray(parsed?.['details']) ? (parsed['details'] as unknown[]) : [];
  const detail = details[0] as Record<string, unknown> | undefined;
  // A detail is the specific words ("You must specify username or email") under a generic message.
  const candidates = [
    detail?.['message'],
    parsed?.['message'],
    detail?.['description'],
    parsed?.['detail'],
    parsed?.['error_description'],
    parsed?.['error'],
    parsed?.['title'],
  ];
  const words = candidates.find((candidate) => typeof candidate === 'string' && candidate.trim() !== '');
  const text = typeof words === 'string' ? words : body.trim() || '(empty body)';
  return text.replace(/\s+/g, ' ').slice(0, 160);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
