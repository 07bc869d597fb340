/**
 * Every error the engine raises on purpose. The code is stable (scripts and the HTTP API map
 * it); the message says where, what was expected and how to fix it.
 */
export type TestopsErrorCode =
  | 'TESTOPS_INVALID_ARGUMENT'
  | 'TESTOPS_SOURCE_NOT_FOUND'
  | 'TESTOPS_SOURCE_FETCH_FAILED'
  | 'TESTOPS_SOURCE_TOO_LARGE'
  | 'TESTOPS_URL_REFUSED'
  | 'TESTOPS_SPEC_UNPARSABLE'
  | 'TESTOPS_SPEC_INVALID'
  | 'TESTOPS_SPEC_UNSUPPORTED_VERSION'
  | 'TESTOPS_OPERATION_INVALID'
  | 'TESTOPS_SUITE_NOT_FOUND'
  | 'TESTOPS_RUNNER_MISSING'
  | 'TESTOPS_RUNNER_FAILED'
  | 'TESTOPS_BROWSER_MISSING'
  | 'TESTOPS_LOGIN_FAILED'
  | 'TESTOPS_MODEL_INVALID'
  | 'TESTOPS_MODEL_UNSUPPORTED_VERSION'
  | 'TESTOPS_PYTHON_MISSING'
  | 'TESTOPS_TESTS_UNREADABLE'
  | 'TESTOPS_DEFECTS_INVALID'
  | 'TESTOPS_DATABASE_FAILED'
  | 'TESTOPS_DATA_DIR_LOCKED'
  | 'TESTOPS_SECRET_KEY_MISSING'
  | 'TESTOPS_SECRET_KEY_INVALID'
  | 'TESTOPS_SECRET_UNREADABLE'
  | 'TESTOPS_JOB_TIMEOUT'
  | 'TESTOPS_JOB_CRASHED';

export interface TestopsErrorDetails {
  /** Where the problem is: a file, a URL, or a JSON pointer inside a document. */
  where?: string;
  /** What was expected there. */
  expected?: string;
  /** How to fix it, one sentence. */
  hint?: string;
  cause?: unknown;
}

export class TestopsError extends Error {
  readonly code: TestopsErrorCode;
  readonly where: string | undefined;
  readonly expected: string | undefined;
  readonly hint: string | undefined;

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

/** Failures that another attempt may not meet: the network or the database, not the input or a bug. */
const RETRYABLE_CODES: ReadonlySet<TestopsErrorCode> = new Set([
  'TESTOPS_SOURCE_FETCH_FAILED',
  'TESTOPS_DATABASE_FAILED',
]);

/**
 * Whether running the same work again may succeed. Validation errors fail the same way every
 * time, and an unexpected error (a TypeError…) is a bug to fix, not to repeat.
 */
export function isRetryableError(error: unknown): boolean {
  return error instanceof TestopsError && RETRYABLE_CODES.has(error.code);
}
