import type { TestLocator } from '../../core/existing-test.ts';
import { calleeName, dictValue, keyword, lastName, stringValue, type CodeExpr } from './code-tree.ts';
import type { Scope } from './scope.ts';

/** Page objects found in the folder: class name → its path and locator members. */
export type PageObjects = Map<string, PageObjectClass>;

export interface PageObjectClass {
  name: string;
  path: string | undefined;
  members: Map<string, TestLocator>;
}

export interface LocatedElement {
  locator: TestLocator;
  /** The page the locator belongs to, when a page object says. */
  path: string | undefined;
}

const PASS_THROUGH = new Set(['first', 'last', 'nth', 'filter', 'and', 'or']);
type Strategy = 'role' | 'label' | 'placeholder' | 'testid' | 'text' | 'css';
const FINDERS: Record<string, Strategy> = {
  getbyrole: 'role',
  getbylabel: 'label',
  getbyplaceholder: 'placeholder',
  getbytestid: 'testid',
  getbytext: 'text',
  getbyalttext: 'text',
  getbytitle: 'text',
  locator: 'css',
};

/**
 * The element an expression designates: `page.getByRole('button', { name: 'Add' })`,
 * `page.get_by_label("Region")`, a variable holding one, or a page object member
 * (`configureVm.region` after `const configureVm = new ConfigureVm(page)`).
 */
export function locate(expr: CodeExpr, scope: Scope, pages: PageObjects): LocatedElement | undefined {
  const value = scope.resolve(expr);
  if (value.t === 'attr') return member(value, scope, pages);
  if (value.t !== 'call' || value.callee.t !== 'attr') return undefined;
  const method = value.callee.name;
  if (PASS_THROUGH.has(method)) return locate(value.callee.of, scope, pages);
  const strategy = FINDERS[method.replace(/_/g, '').toLowerCase()];
  if (!strategy) return undefined;
  const locator = finder(strategy, value, scope);
  if (!locator) return undefined;
  const parent = locate(value.callee.of, scope, pages);
  return parent
    ? { locator: { ...locator, within: parent.locator } as TestLocator, path: parent.path }
    : { locator, path: undefined };
}

function member(
  expr: CodeExpr & { t: 'attr' },
  scope: Scope,
  pages: PageObjects,
): LocatedElement | undefined {
  const owner = pageObjectClass(expr.of, scope, pages);
  const locator = owner?.members.get(expr.name);
  return owner && locator ? { locator, path: owner.path } : undefined;
}

/** The page object class an expression holds (`new ConfigureVm(page)`), if the folder defines it. */
export function pageObjectClass(
  expr: CodeExpr,
  scope: Scope,
  pages: PageObjects,
): PageObjectClass | undefined {
  const value = scope.resolve(expr);
  if (value.t !== 'call' || !value.isNew) return undefined;
  return pages.get(calleeName(value.callee));
}

function finder(strategy: Strategy, call: CodeExpr & { t: 'call' }, scope: Scope): TestLocator | undefined {
  const text = stringValue(scope.resolve(call.args[0] ?? { t: 'null' }));
  if (text === undefined) return undefined;
  const options = call.args[1] ? scope.resolve(call.args[1]) : undefined;
  const option = (name: string) => keyword(call, name) ?? dictValue(options, name);
  const exact = option('exact')?.t === 'bool' ? (option('exact') as { v: boolean }).v : undefined;
  switch (strategy) {
    case 'role': {
      const name = stringValue(option('name'));
      return { strategy, role: text, ...(name !== undefined ? { name } : {}), ...(exact ? { exact } : {}) };
    }
    case 'label':
    case 'text':
      return { strategy, text, ...(exact ? { exact } : {}) };
    case 'placeholder':
      return { strategy, text };
    case 'testid':
      return { strategy, testId: text };
    case 'css':
      return { strategy, selector: text };
  }
}

/** Whether a call's receiver is a page (`page.goto`) rather than something else with a goto. */
export function isPageReceiver(expr: CodeExpr): boolean {
  return /(^|\.)page$/i.test(calleeName(expr)) || lastName(expr) === 'page';
}
