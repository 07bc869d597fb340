import type {
  CallRef,
  Decorator,
  FilePlace,
  SourceFile,
  StepNode,
  SuiteNode,
  TestFileKind,
  TestNode,
} from '../model/source-model.ts';
import type { RawCall, RawClass, RawDecorator, RawFunction, RawPythonFile, RawStep } from './python-raw.ts';

const MANUAL_DECORATORS = new Set(['allure.manual', 'pytest.mark.manual']);

/** Turns one file's Python AST summary into the language-neutral model the rules read. */
export function pythonSourceFile(raw: RawPythonFile, place: FilePlace): SourceFile {
  const base = { ...place, language: 'python' as const };
  if ('error' in raw) {
    const { message, line, col } = raw.error;
    return {
      ...base,
      kind: raw.manual ? 'allure-manual' : 'pytest',
      syntaxErrors: [{ message, line, column: col }],
      ...emptyParts(),
    };
  }
  const calls = raw.calls.map(toCall);
  const classes = raw.classes.filter(isTestClass);
  const suites = classes.map(toSuite);
  const tests = [
    ...classes.flatMap((suiteClass, index) =>
      suiteClass.methods.filter(isTestFunction).map((method) => toTest(method, suites[index])),
    ),
    ...raw.functions.filter(isTestFunction).map((fn) => toTest(fn, undefined)),
  ];
  return {
    ...base,
    kind: kindOf(raw.classes, raw.functions, raw.imports),
    syntaxErrors: [],
    imports: raw.imports.map(({ line, col, module, name, alias }) => ({
      line,
      column: col,
      module,
      name: name ?? undefined,
      alias: alias ?? undefined,
    })),
    suites,
    tests,
    calls,
    strings: raw.strings.map(({ line, col, value, key }) => ({
      line,
      column: col,
      value,
      key: key ?? undefined,
    })),
  };
}

function emptyParts() {
  return { imports: [], suites: [], tests: [], calls: [], strings: [] };
}

function kindOf(
  classes: RawClass[],
  functions: RawFunction[],
  imports: { name: string | null; alias: string | null }[],
): TestFileKind {
  const decorated = [...classes, ...functions, ...classes.flatMap((c) => c.methods)].some((node) =>
    node.decorators.some((decorator) => MANUAL_DECORATORS.has(decorator.name ?? '')),
  );
  const stepImport = imports.some((item) => item.name === 'step' && item.alias === 'allure_step');
  return decorated || stepImport ? 'allure-manual' : 'pytest';
}

// pytest collects `Test*` classes; a class of titled methods is meant as tests even when misnamed.
function isTestClass(node: RawClass): boolean {
  return /^test/i.test(node.name) || node.methods.some(isTestFunction);
}

function isTestFunction(node: RawFunction): boolean {
  return /^test/i.test(node.name) || node.decorators.some((decorator) => decorator.name === 'allure.title');
}

function toSuite(node: RawClass): SuiteNode {
  return {
    name: node.name,
    line: node.line,
    column: node.col,
    endLine: node.endLine,
    decorators: node.decorators.map(toDecorator),
    startLine: Math.min(node.line, ...node.decorators.map((decorator) => decorator.line)),
  };
}

function toTest(node: RawFunction, suite: SuiteNode | undefined): TestNode {
  const decorators = node.decorators.map(toDecorator);
  const title = decorators.find((decorator) => decorator.name === 'allure.title');
  const description = decorators.find((decorator) => decorator.name === 'allure.description');
  return {
    name: node.name,
    id: suite ? `${suite.name}.${node.name}` : node.name,
    title: title?.args[0] ?? undefined,
    titleKind: !title ? 'missing' : typeof title.args[0] === 'string' ? 'literal' : 'computed',
    titleAt: title ?? { line: node.line, column: node.col },
    suite,
    decorators,
    description: node.doc ?? description?.args[0] ?? undefined,
    params: node.params,
    returns: node.returns ?? undefined,
    body: node.body,
    steps: node.steps.map(toStep),
    assertions: node.asserts,
    line: node.line,
    column: node.col,
    endLine: node.endLine,
    startLine: Math.min(node.line, ...decorators.map((decorator) => decorator.line)),
  };
}

function toDecorator(raw: RawDecorator): Decorator {
  return {
    name: raw.name ?? '',
    called: raw.args !== undefined,
    args: raw.args ?? [],
    keywords: raw.kw ?? {},
    line: raw.line,
    column: raw.col,
  };
}

function toStep(raw: RawStep): StepNode {
  return {
    callee: raw.callee ?? '',
    text: raw.text ?? undefined,
    empty: raw.empty,
    steps: raw.steps.map(toStep),
    line: raw.line,
    column: raw.col,
    endLine: raw.endLine,
  };
}

function toCall(raw: RawCall): CallRef {
  return {
    callee: raw.callee ?? '',
    args: raw.args,
    keywords: raw.kw ?? {},
    receiverArg: raw.recv ?? undefined,
    line: raw.line,
    column: raw.col,
  };
}
