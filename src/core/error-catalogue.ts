/**
 * Every error code the engine and the service raise, in one table: what it means, the HTTP
 * status the API answers with, whether trying the same work again may succeed, and what kind
 * of problem it is (which also picks the CLI's exit code). `docs/error-codes.md` is generated
 * from this table and a test keeps the two equal.
 */
export type ErrorKind =
  /** The user's input is wrong: fix it and send it again. */
  | 'input'
  /** Who is asking: a missing, unknown or too narrow API key. */
  | 'access'
  /** The target (API, web app, spec URL) failed or misbehaved. */
  | 'target'
  /** This machine lacks something (a browser, Python, the database) or is busy. */
  | 'environment'
  /** A request that conflicts with the state of a task. */
  | 'state'
  /** A bug of ours: the logs hold the stack. */
  | 'internal';

export interface ErrorSpec {
  status: number;
  retryable: boolean;
  kind: ErrorKind;
  /** What the code means, for the documentation. */
  meaning: string;
}

const input = (status: number, meaning: string): ErrorSpec => ({
  status,
  retryable: false,
  kind: 'input',
  meaning,
});

export const ERROR_CATALOGUE = {
  // Engine: the user's sources.
  TESTOPS_INVALID_ARGUMENT: input(400, 'An option or input field has a value that cannot be used.'),
  TESTOPS_SOURCE_NOT_FOUND: input(404, 'A file, folder or URL given as a source does not exist.'),
  TESTOPS_SOURCE_TOO_LARGE: input(413, 'A source (spec, requirements, defects file) is larger than allowed.'),
  TESTOPS_URL_REFUSED: input(
    400,
    'A URL points at a private, loopback, link-local or reserved address, or uses another scheme than http(s).',
  ),
  TESTOPS_SPEC_UNPARSABLE: input(400, 'The OpenAPI document is not valid YAML or JSON, or expands too much.'),
  TESTOPS_SPEC_TOO_COMPLEX: input(
    400,
    'The OpenAPI document expands too much (YAML aliases), nests too deep or chains $refs too long.',
  ),
  TESTOPS_SPEC_INVALID: input(400, 'The OpenAPI document does not have the structure of OpenAPI.'),
  TESTOPS_SPEC_UNSUPPORTED_VERSION: input(400, 'The document is not Swagger 2.0 or OpenAPI 3.x.'),
  TESTOPS_OPERATION_INVALID: input(400, 'One operation of the spec cannot be used; the others are.'),
  TESTOPS_SUITE_NOT_FOUND: input(404, 'The folder given to `testops run` holds no suite written by testops.'),
  TESTOPS_MODEL_INVALID: input(400, 'A page model file does not match its schema.'),
  TESTOPS_MODEL_UNSUPPORTED_VERSION: input(400, 'A page model file was written by a newer version.'),
  TESTOPS_TESTS_UNREADABLE: input(400, 'A test file or folder cannot be read or parsed.'),
  TESTOPS_DEFECTS_INVALID: input(400, 'The defect history is not a Jira JSON export or the documented CSV.'),
  TESTOPS_BEHAVIOR_INVALID: input(
    400,
    'A crew behaviour (YAML) is not valid: a syntax error, an unknown key, a reference to no agent or task.',
  ),
  TESTOPS_CREW_INPUT_MISSING: input(400, 'A crew names a {placeholder} that no input of the run provides.'),
  TESTOPS_CREW_TASK_FAILED: {
    status: 502,
    retryable: false,
    kind: 'environment',
    meaning:
      'A crew task got no usable answer: the model failed or never answered within max_iter, and no tool of the task could run without it.',
  },
  TESTOPS_BEHAVIOR_SOURCE_FAILED: {
    status: 502,
    retryable: true,
    kind: 'environment',
    meaning: 'The behaviour source (a Notion page) could not be read; the last good behaviour keeps serving.',
  },
  TESTOPS_TRIAGE_INPUT_UNKNOWN: input(
    400,
    'The run given to triage is not our testops-report.json, Playwright JSON reporter output or JUnit XML.',
  ),
  TESTOPS_OUTPUT_TOO_LARGE: input(413, 'A job produced more output than is kept; ask for less per job.'),
  // Engine: the target and this machine.
  TESTOPS_SOURCE_FETCH_FAILED: {
    status: 502,
    retryable: true,
    kind: 'target',
    meaning: 'A spec or page could not be fetched (DNS, connection, timeout, HTTP error).',
  },
  TESTOPS_LOGIN_FAILED: {
    status: 422,
    retryable: false,
    kind: 'target',
    meaning: 'The login steps did not reach a logged-in page.',
  },
  TESTOPS_RUNNER_MISSING: {
    status: 503,
    retryable: false,
    kind: 'environment',
    meaning: 'The test runner of a suite (Playwright Test or pytest) is not installed.',
  },
  TESTOPS_DEPENDENCIES_FAILED: {
    status: 503,
    retryable: true,
    kind: 'environment',
    meaning: "The suite's own dependencies could not be installed (npm install failed).",
  },
  TESTOPS_RUNNER_FAILED: {
    status: 502,
    retryable: false,
    kind: 'environment',
    meaning: 'The test runner stopped without a report (crash, bad configuration).',
  },
  TESTOPS_BROWSER_MISSING: {
    status: 503,
    retryable: false,
    kind: 'environment',
    meaning: "No Chromium was found (neither Playwright's own nor the system's).",
  },
  TESTOPS_PYTHON_MISSING: {
    status: 503,
    retryable: false,
    kind: 'environment',
    meaning: 'No Python 3 was found (needed for pytest suites and parsing Python tests).',
  },
  TESTOPS_DATABASE_FAILED: {
    status: 503,
    retryable: true,
    kind: 'environment',
    meaning: 'The database could not be opened or a query failed.',
  },
  TESTOPS_DATA_DIR_LOCKED: {
    status: 409,
    retryable: false,
    kind: 'environment',
    meaning: 'Another process holds the embedded data directory.',
  },
  TESTOPS_SECRET_KEY_MISSING: {
    status: 500,
    retryable: false,
    kind: 'environment',
    meaning: 'TESTOPS_SECRET_KEY is needed (every process of a distributed installation shares it).',
  },
  TESTOPS_SECRET_KEY_INVALID: {
    status: 500,
    retryable: false,
    kind: 'environment',
    meaning: 'TESTOPS_SECRET_KEY is not 32 bytes in base64 or hex.',
  },
  TESTOPS_SECRET_UNREADABLE: {
    status: 500,
    retryable: false,
    kind: 'environment',
    meaning: 'A stored secret cannot be decrypted with the current key.',
  },
  // Engine: the language model (optional; every capability has a deterministic result).
  TESTOPS_LLM_CONFIG_INVALID: input(
    400,
    'A TESTOPS_LLM_* setting has a value that cannot be used (provider, URL, model).',
  ),
  TESTOPS_LLM_NOT_CONFIGURED: input(
    400,
    '--llm required was asked for but no model is configured (TESTOPS_LLM_PROVIDER or TESTOPS_LLM_BASE_URL, TESTOPS_LLM_MODEL).',
  ),
  TESTOPS_LLM_UNAVAILABLE: {
    status: 502,
    retryable: true,
    kind: 'target',
    meaning: 'The model provider refused the call or could not be reached (connection, 429, 5xx, auth).',
  },
  TESTOPS_LLM_TIMEOUT: {
    status: 504,
    retryable: true,
    kind: 'target',
    meaning: 'The model sent no first byte, or did not finish, within its timeout.',
  },
  TESTOPS_LLM_CIRCUIT_OPEN: {
    status: 503,
    retryable: true,
    kind: 'target',
    meaning: 'Calls to this provider failed repeatedly; it is not called again for a while.',
  },
  TESTOPS_LLM_OUTPUT_INVALID: {
    status: 502,
    retryable: false,
    kind: 'target',
    meaning:
      "The model's answer did not match the expected schema, also after one repair; the raw text is kept.",
  },
  // Integrations: the vendor APIs we export to (GitLab, GitHub, Jira, Allure TestOps).
  TESTOPS_VENDOR_TOKEN_MISSING: input(
    400,
    "No token for the vendor: the CLI reads it from the environment, a job from the project's secrets.",
  ),
  TESTOPS_VENDOR_UNAUTHORIZED: input(422, 'The vendor refused the token (401): unknown, expired or revoked.'),
  TESTOPS_VENDOR_FORBIDDEN: input(
    422,
    'The vendor refused the call (403); the message names the missing scope, permission or setting.',
  ),
  TESTOPS_VENDOR_NOT_FOUND: input(
    422,
    'The vendor has no such repository, project or object, or the token may not see it (404).',
  ),
  TESTOPS_VENDOR_REJECTED: input(
    422,
    'The vendor rejected the request (400, 409, 422); its own message is kept.',
  ),
  TESTOPS_VENDOR_UNAVAILABLE: {
    status: 502,
    retryable: true,
    kind: 'target',
    meaning: 'The vendor could not be reached, or kept answering 429 or 5xx after the retries.',
  },
  TESTOPS_VENDOR_TIMEOUT: {
    status: 504,
    retryable: true,
    kind: 'target',
    meaning: 'A vendor call did not finish within its timeout.',
  },
  // Service: requests.
  TESTOPS_INVALID_REQUEST: input(400, 'The request body, query or headers do not match the API contract.'),
  TESTOPS_BAD_REQUEST: input(400, 'The request is malformed (content type, JSON syntax, encoding).'),
  TESTOPS_INVALID_JSON: input(400, 'The body is not valid JSON, or holds a refused key (__proto__).'),
  TESTOPS_UNSUPPORTED_MEDIA_TYPE: input(415, 'The body is not sent as application/json.'),
  TESTOPS_BAD_URL: input(400, 'The URL cannot be decoded (invalid percent-encoding).'),
  TESTOPS_URL_TOO_LONG: input(414, 'A path parameter of the URL is longer than allowed.'),
  TESTOPS_REQUEST_TOO_LARGE: input(413, 'The request body, or one field of it, is larger than allowed.'),
  TESTOPS_RATE_LIMITED: {
    status: 429,
    retryable: true,
    kind: 'access',
    meaning: 'Too many requests from this client in the last minute.',
  },
  TESTOPS_UNAUTHENTICATED: {
    status: 401,
    retryable: false,
    kind: 'access',
    meaning: 'No API key, or an unknown or revoked one.',
  },
  TESTOPS_FORBIDDEN: {
    status: 403,
    retryable: false,
    kind: 'access',
    meaning: 'The API key is scoped to another project.',
  },
  TESTOPS_NOT_FOUND: input(404, 'No route has this method and path.'),
  TESTOPS_TASK_NOT_FOUND: input(404, 'No task has this id (or it belongs to another project).'),
  TESTOPS_TEST_NOT_FOUND: input(404, 'No generated test has this id.'),
  TESTOPS_SECRET_NOT_FOUND: input(404, 'The project has no secret with this name.'),
  TESTOPS_TRIAGE_CLUSTER_NOT_FOUND: input(404, "The project's triage memory has no cluster with this id."),
  TESTOPS_PROJECT_MODEL_NOT_SET: input(404, 'The project has no model of its own (PUT .../model sets one).'),
  TESTOPS_NO_ARTIFACTS: { ...input(404, 'The task has no artifacts (yet).'), kind: 'state' },
  TESTOPS_NO_REPORT: { ...input(404, 'The task has no report (yet).'), kind: 'state' },
  TESTOPS_TASK_FINISHED: { ...input(409, 'The task has finished and cannot be cancelled.'), kind: 'state' },
  TESTOPS_TASK_NOT_RETRYABLE: {
    ...input(409, 'Only failed or cancelled tasks can be retried.'),
    kind: 'state',
  },
  TESTOPS_PROJECT_NOT_FOUND: input(404, 'No project has this id.'),
  TESTOPS_PROJECT_EXISTS: { ...input(409, 'A project with the id asked for exists already.'), kind: 'state' },
  TESTOPS_PROJECT_NOT_DELETABLE: {
    ...input(409, 'The project is the default one, has pending or running tasks, or is still referenced.'),
    kind: 'state',
  },
  TESTOPS_CHAT_NOT_FOUND: input(404, 'No chat (or message of a chat) has this id in the project.'),
  // Service: jobs.
  TESTOPS_INPUT_WARNING: input(400, 'An item of the input was skipped; the job completed without it.'),
  TESTOPS_WORKER_STOPPED: {
    status: 503,
    retryable: true,
    kind: 'environment',
    meaning: 'The worker stopped while the job ran; the job runs again.',
  },
  // Not retried: the same work overruns the same limit again, and each attempt would cost all of it.
  TESTOPS_JOB_TIMEOUT: {
    status: 504,
    retryable: false,
    kind: 'environment',
    meaning: 'A job ran longer than its kind allows (TESTOPS_JOB_TIMEOUT_MS…); it is not run again.',
  },
  TESTOPS_JOB_CRASHED: {
    status: 500,
    retryable: true,
    kind: 'environment',
    meaning:
      "A job attempt's thread died (out of memory, exit, uncaught error); the job runs again while attempts remain.",
  },
  TESTOPS_JOB_ATTEMPTS_EXHAUSTED: {
    status: 500,
    retryable: false,
    kind: 'environment',
    meaning: 'The job crashed or timed out in each of its attempts and is not run again.',
  },
  TESTOPS_INTERNAL: {
    status: 500,
    retryable: false,
    kind: 'internal',
    meaning: 'A bug: the server or the CLI failed unexpectedly; the logs hold the stack.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type TestopsErrorCode = keyof typeof ERROR_CATALOGUE;

export function isErrorCode(code: string): code is TestopsErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}

/** The catalogue entry of a code; unknown codes are treated as internal errors. */
export function errorSpec(code: string): ErrorSpec {
  return isErrorCode(code) ? ERROR_CATALOGUE[code] : ERROR_CATALOGUE.TESTOPS_INTERNAL;
}

/**
 * The CLI's exit code for a failure of this kind: 2 when the input must change, 3 when this
 * machine, the target or our code failed. (0 and 1 are the outcomes of a run: delivered, defects.)
 */
export function exitCodeOf(kind: ErrorKind): 2 | 3 {
  switch (kind) {
    case 'input':
    case 'access':
    case 'state':
      return 2;
    case 'target':
    case 'environment':
    case 'internal':
      return 3;
  }
}
