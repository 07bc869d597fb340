/** The parts of the standards, optimisation and plan reports the quality screens read. */
export interface StandardsFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  file: string;
  line: number;
  column: number;
  message: string;
  recommendation: string;
  test: string | undefined;
}

export interface StandardsReport {
  summary: { files: number; tests: number; errors: number; warnings: number; info: number; score: number };
  files: { file: string; score: number; findings: StandardsFinding[] }[];
}

interface TestRef {
  id: string;
  title: string;
  file: string;
  line: number;
}

export interface OptimisationReport {
  summary: {
    tests: number;
    exactDuplicates: number;
    nearDuplicatePairs: number;
    outdatedTests: number;
    conflicts: number;
    gaps: number;
  };
  duplicates: {
    exact: { keep: TestRef; duplicates: TestRef[]; reason: string }[];
    near: { tests: [TestRef, TestRef]; similarity: number; reason: string }[];
  };
  outdated: {
    test: TestRef;
    problems: { kind: string; reference: string; line: number; message: string }[];
  }[];
  conflicts: {
    kind: string;
    input: string;
    expectations: { test: TestRef; expected: string; line: number }[];
    reason: string;
  }[];
  coverage: {
    operations?: {
      operation: string;
      statuses: { status: number; tests: string[] }[];
      undocumented: { status: number; tests: string[] }[];
    }[];
    requirements?: { requirement: string; text: string; tests: { test: string }[] }[];
    elements?: { page: string; element: string; role: string; name: string; tests: string[] }[];
  };
  suggestions: {
    rank: number;
    action: string;
    title: string;
    reason: string;
    criticality: string;
    tests: TestRef[];
    target: string | undefined;
  }[];
}

export interface TestPlan {
  title: string;
  risks: { features: { feature: string; score: number; level: string; mitigation: string }[] };
  prioritisation: {
    formula: string;
    cases: {
      rank: number;
      id: string;
      title: string;
      feature: string;
      suite: string;
      priority: string;
      score: number;
    }[];
    existingTests: { rank: number; test?: string; title?: string; score: number }[];
  };
}
