import ts from 'typescript';
import type { BodyItem, StepNode, SuiteNode, TestNode } from '../model/source-model.ts';
import { dottedName, endLineOf, isFunctionLike, literalText, positionOf } from './typescript-text.ts';

const TEST_CALLEES = new Set([
  'test',
  'it',
  'test.only',
  'test.skip',
  'test.fixme',
  'test.fail',
  'test.slow',
]);
const DESCRIBE_CALLEE = /^(test\.)?describe(\.(only|skip|fixme|serial|parallel))*$/;
const STEP_CALLEES = new Set(['test.step', 'test.step.skip']);
const ASSERTION_CALLEE = /(^|\.)(expect|assert)\w*$|^expect\.(soft|poll)$/i;

/** Playwright tests (`test(title, [details], fn)`) inside their `test.describe` blocks, with their steps. */
export function collectTests(file: ts.SourceFile): { suites: SuiteNode[]; tests: TestNode[] } {
  const suites: SuiteNode[] = [];
  const tests: TestNode[] = [];
  const visit = (node: ts.Node, within: SuiteNode[]): void => {
    if (ts.isCallExpression(node)) {
      const callee = dottedName(node.expression);
      const body = node.arguments[node.arguments.length - 1];
      if (DESCRIBE_CALLEE.test(callee) && isFunctionLike(body)) {
        const suite = suiteOf(node, file, within);
        suites.push(suite);
        ts.forEachChild(body, (child) => visit(child, [...within, suite]));
        return;
      }
      if (TEST_CALLEES.has(callee) && isFunctionLike(body) && node.arguments.length >= 2) {
        tests.push(testOf(node, body, file, within));
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, within));
  };
  visit(file, []);
  return { suites, tests };
}

function suiteOf(node: ts.CallExpression, file: ts.SourceFile, within: SuiteNode[]): SuiteNode {
  const title = literalText(node.arguments[0]) ?? '(describe)';
  const name = [...within.map((suite) => suite.name), title].join(' › ');
  const at = positionOf(node, file);
  return { name, decorators: [], ...at, endLine: endLineOf(node, file), startLine: at.line };
}

function testOf(
  node: ts.CallExpression,
  body: ts.ArrowFunction | ts.FunctionExpression,
  file: ts.SourceFile,
  within: SuiteNode[],
): TestNode {
  const title = literalText(node.arguments[0]);
  const suite = within[within.length - 1];
  const name = title ?? '(untitled)';
  const at = positionOf(node, file);
  const statements = ts.isBlock(body.body) ? body.body.statements : [];
  return {
    name,
    id: suite ? `${suite.name} › ${name}` : name,
    title,
    titleKind: title === undefined ? 'computed' : 'literal',
    titleAt: positionOf(node.arguments[0]!, file),
    suite,
    decorators: [],
    description: undefined,
    params: [],
    returns: undefined,
    body: statements.map((statement): BodyItem => (stepCallIn(statement) ? 'step' : 'other')),
    steps: stepsIn(body.body, file),
    assertions: countAssertions(body),
    ...at,
    endLine: endLineOf(node, file),
    startLine: at.line,
  };
}

/** `await test.step(…)` and `const x = await test.step(…)` as a statement of the test body. */
function stepCallIn(statement: ts.Statement): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || isFunctionLike(node)) return;
    if (ts.isCallExpression(node) && STEP_CALLEES.has(dottedName(node.expression))) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}

/** Steps in source order; a step inside another step's function is that step's child. */
function stepsIn(root: ts.Node, file: ts.SourceFile): StepNode[] {
  const steps: StepNode[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && STEP_CALLEES.has(dottedName(node.expression))) {
      const fn = node.arguments[1];
      const empty = isFunctionLike(fn) && ts.isBlock(fn.body) && fn.body.statements.length === 0;
      steps.push({
        callee: dottedName(node.expression),
        text: literalText(node.arguments[0]),
        empty,
        steps: fn ? stepsIn(fn, file) : [],
        ...positionOf(node, file),
        endLine: endLineOf(node, file),
      });
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(root, visit);
  return steps;
}

function countAssertions(root: ts.Node): number {
  let count = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ASSERTION_CALLEE.test(dottedName(node.expression))) count += 1;
    ts.forEachChild(node, visit);
  };
  visit(root);
  return count;
}
