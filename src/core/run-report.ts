/**
 * The report contract shared by every generator (API now, UI later): `testops-report.json`,
 * `--json` output and REPORT.md are all renderings of this.
 */
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
  suspectedDefects: SuspectedDefect[];
  flaky: FlakyTest[];
  skippedTests: { test: string; reason: string }[];
  durations: Record<string, number>;
  /** UI suites: figures per explored page (`operations` then counts pages). */
  pages?: PageFigures[];
  /**
   * Failed and flaky tests marked in the suite so the runner skips them (with the reason and
   * evidence); `unmarked` lists those that could not be marked, and why.
   */
  marking?: { marked: number; unmarked: { test: string; reason: string }[] };
}

export interface PageFigures {
  page: string;
  path: string;
  exploreMs: number;
  settled: boolean;
  elements: number;
  interactions: number;
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
}

export interface SkippedOperation {
  operation: string;
  reason: string;
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
