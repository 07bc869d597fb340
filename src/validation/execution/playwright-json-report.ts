/** The parts of Playwright's JSON reporter output that verification reads. */
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
    results: PlaywrightJsonResult[];
  }[];
}

export interface PlaywrightJsonResult {
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  errors?: { message?: string }[];
  error?: { message?: string };
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
