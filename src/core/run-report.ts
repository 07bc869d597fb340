/**
 * The report contract shared by every generator (API now, UI later): `testops-report.json`,
 * `--json` output and REPORT.md are all renderings of this.
 */
import type { CaseRepair } from './case-repair.ts';
import type { ModelSection } from './model-client.ts';

export const REPORT_VERSION = 1;

export interface RunReport {
  version: typeof REPORT_VERSION;
  kind: 'api' | 'ui';
  generatedAt: string;
  /** `spec` is the OpenAPI source for API suites and the explored start URL for UI suites. */
  target: { spec: string | undefined; baseUrl: string | undefined };
  format: 'playwright-ts' | 'pytest';
  operations: { total: number; covered: number; skipped: SkippedOperation[] };
  tests: TestCounts;
  executed: boolean;
  repeat: number;
  /** Kept for compatibility: one entry per failed test. `findings` groups them by root cause. */
  suspectedDefects: SuspectedDefect[];
  /** Failed tests grouped by root cause, each with its kind and severity. */
  findings: Finding[];
  /** How strictly the documented contract was held: lenient makes contract deviations warnings. */
  conformance: Conformance;
  flaky: FlakyTest[];
  skippedTests: { test: string; reason: string }[];
  /**
   * Parts of tested operations the spec leaves undefined (a dangling `$ref`), with their JSON
   * pointer: tested as unconstrained rather than skipping the operation.
   */
  unconstrained?: { operation: string; pointer: string; reason: string }[];
  /**
   * API operations the suite could not reach: a documented-valid request (the success request,
   * or the set-up that creates what it acts on) refused for what the suite sent or is (401, 403,
   * 404, 409, 422, 429, 400). Not verified either way, so neither delivered nor a finding.
   */
  notReached?: NotReachedOperation[];
  /** Input values learned from the server during verification (a field it refused, and what replaced it). */
  learned?: LearnedValue[];
  /** Tests that met the target's rate limit, run again alone at a pace it allows. */
  paced?: PacedRun;
  durations: Record<string, number>;
  /** UI suites: figures per explored page (`operations` then counts pages). */
  pages?: PageFigures[];
  /**
   * Failed and flaky tests marked in the suite so the runner skips them (with the reason and
   * evidence); `unmarked` lists those that could not be marked, and why.
   */
  marking?: { marked: number; unmarked: { test: string; reason: string }[] };
  /** How the model took part (`--llm`): usage, what it proposed, and every fallback. */
  model?: ModelSection;
  /** Every repair of a test that failed through its own mistake, and what became of it. */
  repairs?: CaseRepair[];
}

/** What a paced re-run of rate-limited tests learned and changed. */
export interface PacedRun {
  /** Tests that met the target's rate limit (429 after the client's retries) in the full run. */
  tests: string[];
  /** The pause before the paced run: the longest `Retry-After` seen, or the cap without one. */
  pauseMs: number;
  /** Of those, the ones that passed every paced run and are delivered. */
  delivered: string[];
}

/** A field a server refused in a documented-valid request, and the value that replaced it. */
export interface LearnedValue {
  operation: string;
  in: 'body' | 'query';
  /** Dotted path into the body, or the query parameter's name. */
  field: string;
  from: unknown;
  to: unknown;
  /** The status of the refusal. */
  status: number;
  /** What the server said about the field. */
  reason: string;
}

export interface PageFigures {
  page: string;
  path: string;
  exploreMs: number;
  settled: boolean;
  elements: number;
  interactions: number;
  /** What exploration could not do on the page: limits reached, actions that failed, probes cut short. */
  notes?: string[];
  tests: number;
  delivered: number;
  failed: number;
  flaky: number;
}

export interface TestCounts {
  generated: number;
  /** Passed on every repeat: the suite we hand over. */
  delivered: number;
  /** Runs that passed/failed, counted per test (a test passing 3/3 counts once). */
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  /** Of `skipped`: tests on operations the suite could not reach (see RunReport.notReached). */
  notReached?: number;
}

/** An operation whose documented-valid request was refused for the suite's own input, and what would unlock it. */
export interface NotReachedOperation {
  operation: string;
  /** The refusal's status (of the first test, the success test's when it has one). */
  status: number;
  /** The server's own words, short. */
  message: string;
  /** The request that was refused: the operation's own, or the set-up another operation's. */
  refused: string;
  /** What would let the suite reach it: `--var <param>`, credentials of another kind, a slower pace. */
  unlock: string;
  tests: { test: string; status: number; evidence: string }[];
}

export interface SkippedOperation {
  operation: string;
  reason: string;
  /**
   * `not-delivered`: the operation was designed but no test of it was delivered (failed, flaky,
   * skipped, withheld, none generated); absent: it could not be used at all (a broken schema).
   */
  cause?: 'not-delivered';
}

export interface SuspectedDefect {
  test: string;
  operation: string;
  expected: string;
  actual: string;
  /** Path, relative to the suite, of the evidence file (request, response, failing assertion). */
  evidence: string;
  /** Reproduces the failing request; secrets appear as environment variables. */
  curl: string | undefined;
}

export type Conformance = 'strict' | 'lenient';

export type FindingKind =
  /** A 5xx answer. */
  | 'server-error'
  /** Invalid input (or missing/wrong credentials) answered with success. */
  | 'invalid-input-accepted'
  /** What was written is not what is read back: update not kept, delete not deleting. */
  | 'state-defect'
  /** Undocumented status, body not matching its schema, wrong content type. */
  | 'contract-deviation'
  /** Anything else a test caught: wrong item counts, timeouts, UI checks. */
  | 'functional-defect';

export type FindingSeverity = 'critical' | 'major' | 'minor' | 'warning';

/** One root cause, with every failed test that showed it. */
export interface Finding {
  /** Stable across runs: derived from the signature. */
  id: string;
  kind: FindingKind;
  severity: FindingSeverity;
  title: string;
  /** The operation-independent cause the occurrences share. */
  signature: string;
  occurrences: FindingOccurrence[];
}

export interface FindingOccurrence {
  test: string;
  operation: string;
  /** Path, relative to the suite, of the evidence file. */
  evidence: string;
  curl: string | undefined;
}

export interface FlakyTest {
  test: string;
  operation: string;
  passes: number;
  runs: number;
  reason: string;
}

/** Per-test outcome of an execution, before the report is assembled. */
export interface TestOutcome {
  title: string;
  file: string;
  operation: string | undefined;
  verdict: 'delivered' | 'defect' | 'flaky' | 'skipped';
  passes: number;
  runs: number;
  skipReason: string | undefined;
  failure: FailureEvidence | undefined;
}

export interface FailureEvidence {
  message: string;
  expected: string;
  actual: string;
  exchanges: RecordedExchange[];
  /** Files the runner kept for the failure (screenshot, Playwright trace), relative to the suite. */
  artifacts: string[];
}

/** One request/response pair recorded by the emitted suite's client. */
export interface RecordedExchange {
  request: { method: string; url: string; headers: Record<string, string>; body: string | undefined };
  response: { status: number; headers: Record<string, string>; body: string } | undefined;
}
