import type { ExistingTest } from '../../core/existing-test.ts';
import type { CodeExpr, CodeFunction, CodeStmt } from './code-tree.ts';
import type { PageObjects } from './locators.ts';
import { readPythonDecorators } from './python-decorators.ts';
import { TestBodyReader } from './test-body.ts';

interface Enclosing {
  path: string[];
  decorators: CodeExpr[];
  doc: string | undefined;
}

/**
 * The tests pytest would collect from a module: `test*` functions at module level and in
 * `Test*` classes (nested ones too). Allure-as-code manual cases are pytest tests marked manual.
 */
export function readPythonTests(file: string, body: CodeStmt[], pages: PageObjects): ExistingTest[] {
  return collect(body, { path: [], decorators: [], doc: undefined }).map(({ fn, enclosing }) =>
    toTest(file, fn, enclosing, pages),
  );
}

function collect(body: CodeStmt[], enclosing: Enclosing): { fn: CodeFunction; enclosing: Enclosing }[] {
  return body.flatMap((statement) => {
    if (statement.s === 'def' && statement.name.startsWith('test')) return [{ fn: statement, enclosing }];
    if (statement.s === 'class' && statement.name.startsWith('Test')) {
      return collect(statement.body, {
        path: [...enclosing.path, statement.name],
        decorators: [...enclosing.decorators, ...statement.decorators],
        doc: statement.doc ?? enclosing.doc ?? undefined,
      });
    }
    return [];
  });
}

function toTest(file: string, fn: CodeFunction, enclosing: Enclosing, pages: PageObjects): ExistingTest {
  const decorators = readPythonDecorators([...enclosing.decorators, ...fn.decorators]);
  const reader = new TestBodyReader(pages);
  reader.statements(fn.body);
  return {
    id: [file, ...enclosing.path, fn.name].join('::'),
    file,
    framework: decorators.manual ? 'allure-manual' : 'pytest',
    name: fn.name,
    title: decorators.title ?? fn.name,
    description: decorators.description ?? fn.doc ?? undefined,
    suitePath: enclosing.path,
    line: fn.line,
    endLine: fn.end,
    labels: decorators.labels,
    ...reader.facts,
  };
}
