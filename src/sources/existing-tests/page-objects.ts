import type { TestLocator } from '../../core/existing-test.ts';
import type { CodeClass, CodeStmt } from './code-tree.ts';
import { locate, type PageObjectClass, type PageObjects } from './locators.ts';
import { Scope } from './scope.ts';

const PATH_MEMBERS = new Set(['path', 'url', 'route']);

/**
 * Page object classes of a file: a class whose properties (or constructor assignments) hold
 * locators, e.g. `this.region = page.getByLabel('Region')`, with an optional `static path`.
 * Tests that use `new ConfigureVm(page).region` are read against them.
 */
export function readPageObjects(body: CodeStmt[]): PageObjectClass[] {
  return body.flatMap((statement) => {
    if (statement.s === 'block') return readPageObjects(statement.body);
    if (statement.s !== 'class') return [];
    const pageObject = readClass(statement);
    return pageObject.members.size > 0 ? [pageObject] : [];
  });
}

export function registryOf(classes: PageObjectClass[]): PageObjects {
  return new Map(classes.map((pageObject) => [pageObject.name, pageObject]));
}

function readClass(declaration: CodeClass): PageObjectClass {
  const members = new Map<string, TestLocator>();
  let path: string | undefined;
  const scope = new Scope();
  const empty: PageObjects = new Map();
  for (const assignment of assignments(declaration.body)) {
    const [target] = assignment.targets;
    const name = target?.t === 'name' ? target.id : target?.t === 'attr' ? target.name : undefined;
    if (!name) continue;
    if (PATH_MEMBERS.has(name) && assignment.value.t === 'str') path = assignment.value.v;
    const element = locate(assignment.value, scope, empty);
    if (element) members.set(name, element.locator);
  }
  return { name: declaration.name, path, members };
}

function assignments(body: CodeStmt[]): (CodeStmt & { s: 'assign' })[] {
  return body.flatMap((statement) => {
    if (statement.s === 'assign') return [statement];
    if (statement.s === 'block') return assignments(statement.body);
    return [];
  });
}
