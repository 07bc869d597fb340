import type { FindingKind, FindingSeverity, RecordedExchange } from '../../core/run-report.ts';
import type { MissingResource } from '../../core/test-case.ts';
import type { CoercionEvidence } from './coercion-evidence.ts';

/** A failed test as the verification step saw it. */
export interface FailedTest {
  test: string;
  operation: string;
  /** The case kind from the suite manifest (`negative`, `auth`, `stateful`, …). */
  testKind: string | undefined;
  /** The invalid value is one a lenient server may convert (a number for text). */
  coercible?: boolean;
  /** What the server kept of that value, when it accepted it (see coercion-evidence.ts). */
  coercion?: CoercionEvidence;
  /** The test called the operation on an identifier that names nothing (see ApiTestCase). */
  missingResource?: MissingResource;
  /** An auth test on an operation that documents no 401 or 403 (see ApiTestCase). */
  refusalUndocumented?: boolean;
  message: string;
  expected: string;
  actual: string;
  /** Status of the exchange the failed check names, when it got a response. */
  status: number | undefined;
  /** The operation of that exchange when it is not the test's own: its set-up (failed-set-up.ts). */
  setUp?: string;
  /** That exchange, and the ones the test made before it (see not-reached.ts). */
  exchange?: RecordedExchange;
  earlier?: RecordedExchange[];
  evidence: string;
  curl: string | undefined;
}

/** What a failure says about the target: its kind, severity and operation-independent cause. */
export interface FailureCause {
  kind: FindingKind;
  severity: FindingSeverity;
  /** Equal for failures with the same root cause, whichever operation showed them. */
  signature: string;
  title: string;
}

/** Classifies one failure; the signature leaves out operations, ids and concrete numbers. */
export function classifyFailure(failed: FailedTest): FailureCause {
  const check = failed.message.split('\n')[0] ?? '';
  const actualStatus = /^status (\d{3})/.exec(failed.actual)?.[1];
  if (actualStatus) return statusCause(failed, Number(actualStatus));
  if (/wrong content type/.test(check)) {
    return contractCause(
      `content-type|${failed.expected}|${failed.actual}`,
      `Wrong content type: ${failed.actual} instead of the documented ${failed.expected.replace(/^content-type /, '')}`,
    );
  }
  if (/body (is not JSON|does not match the documented)/.test(check)) {
    const problems = normaliseProblems(failed.actual);
    const which = /documented (\d{3}) schema/.exec(check)?.[1] ?? String(failed.status ?? '');
    return contractCause(
      `schema|${statusClass(Number(which))}|${problems}`,
      `${Number(which) >= 400 ? 'Error' : 'Response'} body does not match the documented schema: ${problems}`,
    );
  }
  if (/field "[^"]*" is not as expected/.test(check)) {
    const field = /field "([^"]*)"/.exec(check)?.[1] ?? '';
    return {
      kind: 'state-defect',
      severity: 'major',
      signature: `state-defect|field|${normalisePath(field)}`,
      title: `Value not kept: "${field}" is not what was sent${failed.testKind === 'stateful' ? ' (read back after a write)' : ''}`,
    };
  }
  return {
    kind: 'functional-defect',
    severity: 'major',
    signature: `functional|${normaliseText(check.replace(labelPattern, ''))}|${normaliseText(failed.expected)}`,
    title: `${trigger(failed)}: expected ${failed.expected}, got ${failed.actual.slice(0, 120)}`,
  };
}

function statusCause(failed: FailedTest, status: number): FailureCause {
  const expected = [...failed.expected.matchAll(/\d{3}/g)].map((match) => Number(match[0]));
  const what = trigger(failed);
  if (status >= 500 && failed.setUp) {
    return {
      kind: 'server-error',
      severity: 'critical',
      signature: `server-error|${status}|set-up|${failed.setUp}`,
      title: `Server error ${status} on ${failed.setUp}, sent as the set-up of other tests`,
    };
  }
  if (status >= 500) {
    return {
      kind: 'server-error',
      severity: 'critical',
      signature: `server-error|${status}|${what}`,
      title: `Server error ${status} on ${what}`,
    };
  }
  if (failed.testKind === 'stateful' && expected.includes(404) && status < 300) {
    return {
      kind: 'state-defect',
      severity: 'major',
      signature: `state-defect|not-deleted|${status}`,
      title: `Delete not deleting: a deleted resource is still read back (${status})`,
    };
  }
  const rejectionExpected = expected.length > 0 && expected.every((code) => code >= 400);
  if (rejectionExpected && status < 300 && failed.missingResource) {
    return {
      kind: 'state-defect',
      severity: 'major',
      signature: 'state-defect|missing-found',
      title: `A resource that does not exist is answered as if it existed (${status})`,
    };
  }
  // 12345 kept as "12345": the server converted a value of the wrong type (type coercion), a
  // documented contract not held to the letter, not invalid input getting through. Kept as sent
  // or changed into something else, it is invalid input accepted like any other.
  const converted = failed.coercion === 'converted';
  const notKept = converted || failed.coercion === 'unseen' || failed.coercion === undefined;
  if (rejectionExpected && status < 400 && failed.coercible && notKept) {
    return contractCause(
      `coerced|${converted ? 'converted' : 'unseen'}|${status}`,
      converted
        ? `Type coercion: a value of the wrong type converted to the documented type and kept (${status}) instead of refused: ${what.replace(/"[^"]*"/g, '"…"')}`
        : `Value of the wrong type accepted (${status}) instead of refused, the answer does not show whether it was converted: ${what.replace(/"[^"]*"/g, '"…"')}`,
    );
  }
  if (rejectionExpected && status < 400 && failed.testKind === 'auth' && failed.refusalUndocumented) {
    // Only the document's security asks for credentials; the operation promises no refusal (a
    // health check the document forgot to mark public): the document and the server disagree.
    return contractCause(
      `auth-undocumented|${status}`,
      `Served without valid credentials (${status}) although the document's security requires them; the operation documents no 401 or 403 (the document or the server is wrong)`,
    );
  }
  if (rejectionExpected && status < 400) {
    const auth = failed.testKind === 'auth';
    return {
      kind: 'invalid-input-accepted',
      severity: auth ? 'critical' : 'major',
      // The same rule unenforced on several fields is one cause: `"X" with a number instead of text`.
      signature: `invalid-input-accepted|${what.replace(/"[^"]*"/g, '"…"')}`,
      title: `${auth ? 'Request without valid credentials' : 'Invalid input'} accepted (${status}): ${what}`,
    };
  }
  const expectedText = expected.join(' or ');
  // Operations document different 4xx sets; the cause is the status answered for that class.
  const expectedClass = [...new Set(expected.map((code) => `${Math.floor(code / 100)}xx`))].join('|');
  if (status >= 400 && expected.every((code) => code < 400)) {
    return contractCause(
      `status|${expectedText}|${status}`,
      `Documented-valid request rejected: ${status} instead of ${expectedText}`,
    );
  }
  return contractCause(
    `status|${expected.every((code) => code >= 400) ? expectedClass : expectedText}|${status}`,
    `Undocumented status: ${status} instead of the documented ${expectedText}`,
  );
}

function contractCause(signature: string, title: string): FailureCause {
  return { kind: 'contract-deviation', severity: 'minor', signature: `contract|${signature}`, title };
}

// `GET /api/v1/vms/123` in a check line: the operation, not the cause.
const labelPattern = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+/g;

/** What the test did, without its operation and expected status: `rejects "name" longer than N characters`. */
function trigger(failed: FailedTest): string {
  const withoutOperation = failed.operation ? failed.test.replace(failed.operation, '') : failed.test;
  return normaliseText(
    withoutOperation
      .replace(labelPattern, '')
      .replace(/ with (a 4xx|[\d, or]+)( \(\d+\))?$/, '')
      .replace(/ \(\d+\)$/, ''),
  );
}

/** Ajv-style problems without array indexes, values or ordering, so equal violations compare equal. */
function normaliseProblems(text: string): string {
  const problems = text
    .split(';')
    .map((problem) => normalisePath(problem.trim()))
    .filter(Boolean);
  return [...new Set(problems)].sort().join('; ');
}

function normalisePath(text: string): string {
  return text.replace(/\/\d+(?=\/|\s|$)/g, '/N').replace(/\.\d+(?=\.|$)/g, '.N');
}

function normaliseText(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'ID')
    .replace(/-?\d+(\.\d+)?/g, 'N')
    .replace(/\s+/g, ' ')
    .trim();
}

function statusClass(status: number): string {
  return Number.isFinite(status) && status > 0 ? `${Math.floor(status / 100)}xx` : 'any';
}
