/** The parts of Playwright's JSON reporter output that verification and triage read. */
export interface PlaywrightJsonReport {
  suites?: PlaywrightJsonSuite[];
  errors?: { message?: string }[];
}

export interface PlaywrightJsonSuite {
  title: string;
  file?: string;
  suites?: PlaywrightJsonSuite[];
  specs?: PlaywrightJsonSpec[];
}

export interface PlaywrightJsonSpec {
  title: string;
  file: string;
  line: number;
  tests: {
    annotations?: { type: string; description?: string }[];
    /** `flaky`: failed, then passed on a retry. */
    status?: 'expected' | 'unexpected' | 'flaky' | 'skipped';
    projectName?: string;
    results: PlaywrightJsonResult[];
  }[];
}

export interface PlaywrightJsonResult {
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  errors?: { message?: string; stack?: string }[];
  error?: { message?: string; stack?: string };
  attachments?: { name: string; contentType: string; body?: string; path?: string }[];
  annotations?: { type: string; description?: string }[];
}

export function flattenSpecs(report: PlaywrightJsonReport): PlaywrightJsonSpec[] {
  const specs: PlaywrightJsonSpec[] = [];
  const visit = (suite: PlaywrightJsonSuite) => {
    specs.push(...(suite.specs ?? []));
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return specs;
}
