/**
 * Tests that already exist in a folder, as sources/existing-tests reads them (Allure-as-code
 * manual cases, pytest, Playwright Test) and as the optimiser and the test planner analyse them.
 * Facts only, in source order, with line numbers: nothing here is judged or merged.
 */
import type { ModelSection } from './model-client.ts';
import type { UiLocator } from './page-model.ts';

export const EXISTING_TESTS_VERSION = 1;

export type TestFramework = 'allure-manual' | 'pytest' | 'playwright';

export type TestPriority = 'critical' | 'normal' | 'low';

export interface ExistingTest {
  /** pytest-style node id: `tests/test_disks.py::TestDisks::test_create`, `tests/disks.spec.ts::Disks › title`. */
  id: string;
  /** Relative to the folder that was read, with `/` separators. */
  file: string;
  framework: TestFramework;
  /** The function name (Python) or the title given to `test()` (Playwright). */
  name: string;
  /** What the test says it checks: `@allure.title`, a `testops` marker title, or the test title. */
  title: string;
  description: string | undefined;
  /** Enclosing classes or `describe` blocks, outermost first. */
  suitePath: string[];
  line: number;
  endLine: number;
  labels: TestLabels;
  steps: TestStep[];
  requests: TestRequest[];
  uiActions: TestUiAction[];
  assertions: TestAssertion[];
}

export interface TestLabels {
  feature: string | undefined;
  story: string | undefined;
  /** `@allure.suite` (UI or API in manual cases). */
  suite: string | undefined;
  owner: string | undefined;
  /** From a priority label, a severity, or a `critical`/`normal`/`low` tag. */
  priority: TestPriority | undefined;
  tags: string[];
  links: { url: string; name: string | undefined }[];
  /** Operations the test declares it exercises (`operation` annotation or marker): `POST /api/v1/disks`. */
  operations: string[];
  /** Other declared coverage (`covers` annotations: page elements, interactions). */
  covers: string[];
  caseId: string | undefined;
  skipped: boolean;
}

export type StepPhase = 'arrange' | 'act' | 'assert' | 'unknown';

export interface TestStep {
  phase: StepPhase;
  /** The step text without its phase prefix and without its expected result. */
  text: string;
  /** An expected result written with the step (a nested "Expected…" step or an inline one). */
  expected: string | undefined;
  line: number;
}

/**
 * A JSON-like value read from code. Anything that is not a literal (a call, a variable, a
 * fixture) is kept as `{ $expr: 'unique("name", 64)' }` in a canonical spelling.
 */
export type DataValue = null | boolean | number | string | DataValue[] | DataExpression | DataObject;
export interface DataExpression {
  $expr: string;
}
export interface DataObject {
  [key: string]: DataValue;
}

export interface TestRequest {
  /** Upper case: `POST`. */
  method: string;
  /** As written, a template where the test uses one: `/api/v1/disks/{disk_id}`. */
  path: string;
  query: DataValue | undefined;
  pathParams: DataValue | undefined;
  body: DataValue | undefined;
  /** Credentials the request deliberately varies (`none`, `invalid`); undefined for the default. */
  auth: string | undefined;
  /** Statuses the test accepts for this response; empty when it does not check the status. */
  expectedStatuses: number[];
  /** State the test set up before this request: `create disk`, `POST /api/v1/disks/{disk_id}/attach`. */
  context: string[];
  line: number;
}

export type TestLocator = UiLocator | { strategy: 'css'; selector: string; within?: TestLocator };

export interface TestUiAction {
  kind: 'goto' | 'click' | 'fill' | 'select' | 'check' | 'uncheck' | 'press' | 'hover' | 'expect';
  target: TestLocator | undefined;
  /** For `goto`: the path or URL opened; for locators of a page object: that page's path. */
  url: string | undefined;
  /** Filled or selected value, pressed key, or the value an `expect` matcher compares with. */
  value: string | undefined;
  /** For `expect`: the matcher, `toHaveText`, `not.toBeVisible`. */
  matcher: string | undefined;
  line: number;
}

export interface TestAssertion {
  /** Canonical name: `expect_status`, `expect.toHaveText`, `assert`. */
  kind: string;
  /** The request whose response is checked (index into `requests`), when known. */
  request: number | undefined;
  args: DataValue[];
  line: number;
}

export interface ExistingTestSet {
  version: typeof EXISTING_TESTS_VERSION;
  /** Absolute path of the folder read. */
  root: string;
  files: { file: string; framework: TestFramework | 'page-object'; tests: number }[];
  tests: ExistingTest[];
  /** Files that could not be read (syntax errors), with where; the rest of the folder is read. */
  issues: ReadIssue[];
}

export interface ReadIssue {
  file: string;
  line: number | undefined;
  message: string;
}

/** `{ $expr }` marks a value that was not a literal in the source. */
export function isDataExpression(value: DataValue | undefined): value is DataExpression {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof value['$expr'] === 'string' &&
    Object.keys(value).length === 1
  );
}

// ── What the optimiser says about a set of existing tests (optimisation/ builds it, emit/ renders it).

export const OPTIMISATION_REPORT_VERSION = 1;

/** A test as findings name it. */
export interface TestRef {
  id: string;
  title: string;
  file: string;
  line: number;
  framework: TestFramework;
}

export interface OptimisationReport {
  version: typeof OPTIMISATION_REPORT_VERSION;
  inputs: {
    tests: string;
    spec: string | undefined;
    requirements: string | undefined;
    defects: string | undefined;
    model: string | undefined;
    similarity: string;
    nearDuplicateThreshold: number;
  };
  summary: OptimisationSummary;
  /** Files that could not be read and defect rows that were skipped; everything else was analysed. */
  issues: ReadIssue[];
  duplicates: { exact: DuplicateGroup[]; near: NearDuplicatePair[] };
  outdated: OutdatedTest[];
  conflicts: ConflictingTests[];
  coverage: {
    operations: OperationCoverage[] | undefined;
    requirements: RequirementCoverage[] | undefined;
    elements: ElementCoverage[] | undefined;
  };
  gaps: CoverageGap[];
  /** Most critical first. */
  suggestions: Suggestion[];
  /** Manual cases and the automated tests that do what they describe; absent unless the folder holds both. */
  twins?: AutomatedTwins;
  durations: Record<string, number>;
  /** How the model took part (`--llm`); absent in reports written before it could. */
  model?: ModelSection;
}

export interface OptimisationSummary {
  files: number;
  tests: number;
  byFramework: Partial<Record<TestFramework, number>>;
  unreadableFiles: number;
  /** Tests that duplicate another exactly (the kept one not counted). */
  exactDuplicates: number;
  nearDuplicatePairs: number;
  outdatedTests: number;
  conflicts: number;
  gaps: number;
  suggestions: number;
  coverage: Partial<
    Record<'operations' | 'statuses' | 'requirements' | 'elements', { covered: number; total: number }>
  >;
}

export interface AutomatedTwins {
  /** From which an automated test is taken as a manual case's twin. */
  threshold: number;
  /** Each manual case with the automated test closest to it that reaches the threshold, in source order. */
  pairs: TwinPair[];
  /** Manual cases no automated test matches: what is left to automate. */
  notAutomated: TestRef[];
}

export interface TwinPair {
  manual: TestRef;
  automated: TestRef;
  similarity: number;
}

export interface DuplicateGroup {
  keep: TestRef;
  duplicates: TestRef[];
  reason: string;
}

export interface NearDuplicatePair {
  tests: [TestRef, TestRef];
  /** Combined score compared with the threshold, 0–1. */
  similarity: number;
  textSimilarity: number;
  structureSimilarity: number;
  reason: string;
}

export type OutdatedKind =
  | 'operation-missing'
  | 'method-missing'
  | 'operation-deprecated'
  | 'field-missing'
  | 'parameter-missing'
  | 'response-field-missing'
  | 'page-missing'
  | 'element-missing';

export interface OutdatedTest {
  test: TestRef;
  problems: { kind: OutdatedKind; reference: string; line: number; message: string }[];
}

export interface ConflictingTests {
  kind: 'api' | 'ui' | 'manual';
  /** The shared input: `POST /api/v1/disks {"name": …}`, or the shared UI/manual actions. */
  input: string;
  expectations: { test: TestRef; expected: string; line: number }[];
  reason: string;
}

export interface OperationCoverage {
  operation: string;
  tests: string[];
  /** Documented statuses and the tests that expect each. */
  statuses: { status: number; tests: string[] }[];
  /** Statuses tests expect that the spec does not document. */
  undocumented: { status: number; tests: string[] }[];
}

export interface RequirementCoverage {
  requirement: string;
  text: string;
  tests: { test: string; match: 'id' | 'text'; score: number }[];
}

export interface ElementCoverage {
  page: string;
  element: string;
  role: string;
  name: string;
  tests: string[];
}

export interface CoverageGap {
  kind: 'requirement' | 'operation' | 'status' | 'element';
  /** `REQ-3`, `DELETE /api/v1/vms/{vm_id}`, `POST /api/v1/disks 409`, `configure-vm/region`. */
  ref: string;
  description: string;
}

export type SuggestionAction = 'delete' | 'merge' | 'update' | 'resolve-conflict' | 'add';
export type Criticality = 'critical' | 'high' | 'medium' | 'low';

export interface Suggestion {
  rank: number;
  action: SuggestionAction;
  /** One line: `Merge 2 near-duplicate tests of POST /api/v1/disks`. */
  title: string;
  tests: TestRef[];
  /** What the suggestion is about when not a test: an operation, a status, a requirement, an element. */
  target: string | undefined;
  reason: string;
  criticality: Criticality;
  score: number;
  /** Why it ranks where it does: `priority critical +20`, `writes data +10`, `2 defects +12`. */
  factors: string[];
  /** Keys of the defects that raised its rank. */
  defects: string[];
}
