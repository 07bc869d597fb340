import type { ExistingTest } from '../../core/existing-test.ts';
import { calleeName, stringValue, type CodeExpr, type CodeStmt } from './code-tree.ts';
import type { PageObjects } from './locators.ts';
import { readPlaywrightDetails } from './playwright-details.ts';
import { TestBodyReader } from './test-body.ts';

type Call = CodeExpr & { t: 'call' };

const DESCRIBE = /^(test\.describe|describe)(\.(serial|parallel|only|skip|fixme))*$/;
const TEST = /^(test|it)(\.(only|skip|fixme|fail|slow))?$/;

/** Playwright Test tests of a file: `test(title, [details,] fn)` inside any `test.describe` nesting. */
export function readPlaywrightTests(file: string, body: CodeStmt[], pages: PageObjects): ExistingTest[] {
  return walk(body, [], { file, pages, skipped: false });
}

interface Walk {
  file: string;
  pages: PageObjects;
  skipped: boolean;
}

function walk(body: CodeStmt[], path: string[], context: Walk): ExistingTest[] {
  return body.flatMap((statement) => {
    if (statement.s === 'block') return walk(statement.body, path, context);
    if (statement.s !== 'expr' || statement.e.t !== 'call') return [];
    const call = statement.e;
    const name = calleeName(call.callee);
    const callback = call.args[call.args.length - 1];
    if (callback?.t !== 'func') return [];
    if (DESCRIBE.test(name)) {
      const title = stringValue(call.args[0]);
      const skipped = context.skipped || /\.(skip|fixme)/.test(name);
      return walk(callback.body, title === undefined ? path : [...path, title], { ...context, skipped });
    }
    const title = stringValue(call.args[0]);
    if (!TEST.test(name) || title === undefined) return [];
    return [
      toTest(call, title, path, { ...context, skipped: context.skipped || /\.(skip|fixme)$/.test(name) }),
    ];
  });
}

function toTest(call: Call, title: string, path: string[], context: Walk): ExistingTest {
  const details = call.args.length >= 3 ? call.args[1] : undefined;
  const { labels, title: cleanTitle } = readPlaywrightDetails(title, details);
  labels.skipped ||= context.skipped;
  const reader = new TestBodyReader(context.pages);
  const callback = call.args[call.args.length - 1] as CodeExpr & { t: 'func' };
  reader.statements(callback.body);
  const lastLine = callback.end ?? Math.max(call.line, ...callback.body.map((statement) => statement.line));
  return {
    id: `${context.file}::${[...path, title].join(' › ')}`,
    file: context.file,
    framework: 'playwright',
    name: title,
    title: cleanTitle,
    description: undefined,
    suitePath: path,
    line: call.line,
    endLine: lastLine,
    labels,
    ...reader.facts,
  };
}
