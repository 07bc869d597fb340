import type { TestUiAction } from '../../core/existing-test.ts';
import { lastName, stringValue, type CodeExpr } from './code-tree.ts';
import { isPageReceiver, locate, pageObjectClass, type PageObjects } from './locators.ts';
import type { Scope } from './scope.ts';

type Call = CodeExpr & { t: 'call' };

const ACTIONS: Record<string, TestUiAction['kind']> = {
  click: 'click',
  dblclick: 'click',
  tap: 'click',
  fill: 'fill',
  type: 'fill',
  presssequentially: 'fill',
  clear: 'fill',
  selectoption: 'select',
  check: 'check',
  setchecked: 'check',
  uncheck: 'uncheck',
  press: 'press',
  hover: 'hover',
};

/**
 * A UI step of a Playwright test (TypeScript or Python): `page.goto(url)` or a page object's
 * `goto()`, an action on a locator (`.click()`, `.fill('3')`), or a web-first assertion
 * (`expect(locator).toHaveText('…')`, `expect(page).toHaveURL('/catalog')`).
 */
export function readUiCall(call: Call, scope: Scope, pages: PageObjects): TestUiAction | undefined {
  if (call.callee.t !== 'attr') return undefined;
  const method = call.callee.name;
  const receiver = call.callee.of;
  if (method === 'goto') return gotoCall(call, receiver, scope, pages);
  const expectation = expectedTarget(receiver);
  if (expectation) return expectCall(call, method, expectation, scope, pages);
  const kind = ACTIONS[method.replace(/_/g, '').toLowerCase()];
  const element = kind ? locate(receiver, scope, pages) : undefined;
  if (!kind || !element) return undefined;
  const value = stringValue(scope.resolve(call.args[0] ?? { t: 'null' }));
  return { kind, target: element.locator, url: element.path, value, matcher: undefined, line: call.line };
}

function gotoCall(
  call: Call,
  receiver: CodeExpr,
  scope: Scope,
  pages: PageObjects,
): TestUiAction | undefined {
  const url = isPageReceiver(receiver)
    ? stringValue(scope.resolve(call.args[0] ?? { t: 'null' }))
    : pageObjectClass(receiver, scope, pages)?.path;
  if (url === undefined) return undefined;
  return { kind: 'goto', target: undefined, url, value: undefined, matcher: undefined, line: call.line };
}

function expectCall(
  call: Call,
  method: string,
  expectation: { subject: CodeExpr; negated: boolean },
  scope: Scope,
  pages: PageObjects,
): TestUiAction | undefined {
  const element = locate(expectation.subject, scope, pages);
  if (!element && !isPageReceiver(expectation.subject)) return undefined;
  const argument = call.args[0] ? scope.resolve(call.args[0]) : undefined;
  const value = argument?.t === 'num' ? String(argument.v) : stringValue(argument);
  return {
    kind: 'expect',
    target: element?.locator,
    url: element?.path,
    value,
    matcher: `${expectation.negated ? 'not.' : ''}${camelCase(method)}`,
    line: call.line,
  };
}

/** `expect(x)`, `expect(x).not`, `expect.soft(x)` → x. */
function expectedTarget(expr: CodeExpr): { subject: CodeExpr; negated: boolean } | undefined {
  const negated = expr.t === 'attr' && expr.name === 'not';
  const call = negated ? (expr as { of: CodeExpr }).of : expr;
  if (call.t !== 'call' || !['expect', 'soft'].includes(lastName(call.callee)) || !call.args[0])
    return undefined;
  return { subject: call.args[0], negated };
}

/** Python's `to_have_text` and TypeScript's `toHaveText` name the same matcher. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
