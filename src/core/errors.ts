import { errorSpec, type TestopsErrorCode } from './error-catalogue.ts';

export type { TestopsErrorCode } from './error-catalogue.ts';

export interface TestopsErrorDetails {
  /** Where the problem is: a file, a URL, or a JSON pointer inside a document. */
  where?: string;
  /** What was expected there. */
  expected?: string;
  /** How to fix it, one sentence. */
  hint?: string;
  /** Each problem of a request that has several, by field path (the HTTP API's `details`). */
  problems?: ErrorProblem[];
  cause?: unknown;
}

/** One problem of a request: `where` is the field path (`body.files.2.content`). */
export interface ErrorProblem {
  where: string;
  problem: string;
}

/**
 * Every error the engine and the service raise on purpose. The code is stable and listed in
 * `ERROR_CATALOGUE` (HTTP status, retryable, kind); the message says where, what was expected
 * and how to fix it.
 */
export class TestopsError extends Error {
  readonly code: TestopsErrorCode;
  readonly where: string | undefined;
  readonly expected: string | undefined;
  readonly hint: string | undefined;
  readonly problems: ErrorProblem[] | undefined;

  constructor(code: TestopsErrorCode, problem: string, details: TestopsErrorDetails = {}) {
    super(
      formatMessage(problem, details),
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = 'TestopsError';
    this.code = code;
    this.where = details.where;
    this.expected = details.expected;
    this.hint = details.hint;
    this.problems = details.problems;
  }
}

function formatMessage(problem: string, details: TestopsErrorDetails): string {
  const lines = [details.where ? `${details.where}: ${problem}` : problem];
  if (details.expected) lines.push(`Expected ${details.expected}.`);
  if (details.hint) lines.push(`Tip: ${details.hint}`);
  return lines.join('\n');
}

export function isTestopsError(error: unknown): error is TestopsError {
  return error instanceof TestopsError;
}

/** Message of any thrown value, for reports that must never crash on a foreign error. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Network failures a later attempt may not meet (Node's socket error codes). */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);
/** PostgreSQL SQLSTATEs worth another attempt: connection loss, serialisation, shutdown, resources. */
const TRANSIENT_SQLSTATE = /^(08|53|57P0[1-3]|40001|40P01)/;

/**
 * Whether running the same work again may succeed: a catalogued error says so itself; a
 * dropped connection or a database restart may pass; anything else — a bug — fails the same
 * way every time and is not retried.
 */
export function isRetryableError(error: unknown): boolean {
  if (isTestopsError(error)) return errorSpec(error.code).retryable;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  return TRANSIENT_NETWORK_CODES.has(code) || TRANSIENT_SQLSTATE.test(code);
}
