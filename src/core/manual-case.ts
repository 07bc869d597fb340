/**
 * Manual test cases: what generation/cases designs from requirements, an OpenAPI model or a
 * page model, and what every case emitter (Allure TestOps as code, Markdown, CSV, JSON), the
 * optimiser and the test planner read. Independent of any output format.
 */
export const MANUAL_CASES_VERSION = 1;

export type CasePriority = 'CRITICAL' | 'NORMAL' | 'LOW';

export interface ManualCase {
  /** Stable slug, unique in a set: also the Python method name without `test_`. */
  id: string;
  /** What is checked, as a sentence: `Instance count 100 is rejected`. */
  title: string;
  description: string;
  /** The block or feature the case belongs to: one class per feature in Allure-as-code. */
  feature: string;
  story: string;
  suite: 'UI' | 'API';
  owner: string;
  priority: CasePriority;
  tags: string[];
  links: { url: string; name: string }[];
  preconditions: string[];
  /** Arrange, Act and Assert steps in that order; every Act/Assert step states its expected result. */
  steps: ManualStep[];
  /** What the case covers: a requirement, an operation and status, or a page element. */
  trace: CaseTrace[];
  kind: ManualCaseKind;
}

export type ManualCaseKind =
  | 'positive'
  | 'negative'
  | 'boundary'
  | 'auth'
  | 'state-transition'
  | 'visibility'
  | 'interaction'
  | 'validation'
  | 'navigation'
  | 'mobile';

export interface ManualStep {
  phase: 'arrange' | 'act' | 'assert';
  action: string;
  expected: string | undefined;
}

export type CaseTrace =
  | { kind: 'requirement'; id: string; text: string }
  | { kind: 'operation'; operation: string; status: number | undefined }
  | { kind: 'element'; page: string; element: string };

/** A testable statement read from a requirements document. */
export interface Requirement {
  /** `REQ-3`, a given key (`CALC-12`), or a heading-based id. */
  id: string;
  text: string;
  /** The heading path it sits under: `Configuration › Compute`. */
  section: string;
  source: { file: string; line: number };
  form: 'statement' | 'user-story' | 'acceptance-criterion' | 'gherkin';
}

export interface ManualCaseSet {
  version: typeof MANUAL_CASES_VERSION;
  title: string;
  source: { kind: 'requirements' | 'openapi' | 'page-model'; location: string };
  requirements: Requirement[];
  cases: ManualCase[];
  /** Inputs that produced no case, with why (e.g. a sentence with nothing testable in it). */
  unused: { ref: string; reason: string }[];
}
