/**
 * What the standards rules read about one test file, the same shape for Python (from its real
 * AST, summarised by a Python process) and TypeScript (from the TypeScript compiler's AST), so
 * a rule such as "no Assert before Act" is written once for both languages.
 */
export type TestFileKind = 'allure-manual' | 'pytest' | 'playwright';

export const TEST_FILE_KINDS: readonly TestFileKind[] = ['allure-manual', 'pytest', 'playwright'];

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
}

export interface Span extends Position {
  endLine: number;
}

/** `@allure.label("owner", "qa")` → name `allure.label`, args ['owner', 'qa']; a non-literal argument is null. */
export interface Decorator extends Position {
  name: string;
  called: boolean;
  args: (string | null)[];
  keywords: Record<string, string | null>;
}

/** A `with allure_step("…"):` block or a `test.step('…', …)` call. */
export interface StepNode extends Span {
  callee: string;
  /** The step's title; undefined when it is not a literal. */
  text: string | undefined;
  /** The block does nothing (only `pass`, `...` or a docstring; `{}` in TypeScript). */
  empty: boolean;
  steps: StepNode[];
}

/** What a top-level statement of a test body is: the Allure-as-code shape allows only some. */
export type BodyItem = 'doc' | 'step' | 'attach' | 'pass' | 'other';

/** A Python class of tests or a Playwright `test.describe` block. */
export interface SuiteNode extends Span {
  name: string;
  decorators: Decorator[];
  /** First line including decorators: a finding between here and endLine concerns its tests. */
  startLine: number;
}

export interface TestNode extends Span {
  /** Python: the method or function name; Playwright: the title. */
  name: string;
  /** Display id: `TestLogin.test_valid_password` or `Checkout › pays by card`. */
  id: string;
  /** `@allure.title(…)` or the Playwright title; undefined when missing or not a literal. */
  title: string | undefined;
  /** Computed titles (a variable, a parameterised test) cannot be checked, but are not missing. */
  titleKind: 'literal' | 'computed' | 'missing';
  /** Where the title is, for findings about it. */
  titleAt: Position;
  suite: SuiteNode | undefined;
  decorators: Decorator[];
  description: string | undefined;
  params: string[];
  returns: string | undefined;
  body: BodyItem[];
  steps: StepNode[];
  /** `assert` statements, or calls named expect…/assert… */
  assertions: number;
  /** First line of the test including its decorators: findings between here and endLine belong to it. */
  startLine: number;
}

export interface ImportRef extends Position {
  module: string;
  /** Imported name (`from m import name`, `import { name }`); undefined for the whole module. */
  name: string | undefined;
  /** Local name it is bound to. */
  alias: string | undefined;
}

export interface CallRef extends Position {
  /** Dotted callee as written: `subprocess.run`, `page.goto`; `new Function` for constructors. */
  callee: string;
  /** Literal string arguments by position (null when not a literal); f-strings/templates keep `{}` holes. */
  args: (string | null)[];
  /** Keyword arguments (Python) or properties of object-literal arguments (TypeScript). */
  keywords: Record<string, string | null>;
  /** `Path("x").write_text()`: the literal first argument of the call the method is called on. */
  receiverArg: string | undefined;
}

export interface StringRef extends Position {
  value: string;
  /** The name it is bound to: variable, keyword argument, dict key or object property. */
  key: string | undefined;
}

/** Where a checked file is and how reports name it. */
export interface FilePlace {
  /** Absolute path. */
  path: string;
  /** Path as shown in reports (relative to the working directory). */
  display: string;
  /** Folder the suite lives in (the folder given, or the file's own): writes outside it are flagged. */
  root: string;
}

export interface SourceFile extends FilePlace {
  language: 'python' | 'typescript';
  kind: TestFileKind;
  syntaxErrors: (Position & { message: string })[];
  imports: ImportRef[];
  suites: SuiteNode[];
  tests: TestNode[];
  calls: CallRef[];
  strings: StringRef[];
}
