import type { TestAssertion } from '../../core/existing-test.ts';
import { lastName, type CodeExpr } from './code-tree.ts';
import type { Scope } from './scope.ts';

const ASSERTION_HELPER = /^(expect|assert|check|verify)/i;

/**
 * An assertion that is not a status check: a helper (`expectFieldEquals(response, 'name', …)`,
 * `expect_content_type(...)`), an `expect(x).matcher(…)` chain, or a Python `assert`.
 * Names are canonical (snake case) so the same check reads the same in both languages.
 */
export function readAssertion(
  expr: CodeExpr,
  line: number,
  scope: Scope,
  responses: Map<string, number>,
): TestAssertion | undefined {
  if (expr.t !== 'call')
    return { kind: 'assert', request: undefined, args: [{ $expr: scope.text(expr) }], line };
  if (expr.callee.t === 'attr') {
    const chain = expectChain(expr.callee.of);
    if (chain)
      return assertion(`expect.${snakeCase(chain.negated ? `not_${expr.callee.name}` : expr.callee.name)}`, [
        chain.subject,
        ...expr.args,
      ]);
  }
  const name = lastName(expr.callee);
  if (!ASSERTION_HELPER.test(name) || name === 'expect') return undefined;
  return assertion(snakeCase(name), [...expr.args, ...expr.kwargs.map((kw) => kw.value)]);

  function assertion(kind: string, args: CodeExpr[]): TestAssertion {
    const [first, ...rest] = args;
    const request = first?.t === 'name' ? responses.get(first.id) : undefined;
    const checked = request === undefined ? args : rest;
    return { kind, request, args: checked.map((arg) => scope.dataValue(arg)), line };
  }
}

function expectChain(expr: CodeExpr): { subject: CodeExpr; negated: boolean } | undefined {
  const negated = expr.t === 'attr' && expr.name === 'not';
  const call = negated ? (expr as { of: CodeExpr }).of : expr;
  if (call.t !== 'call' || !['expect', 'soft'].includes(lastName(call.callee)) || !call.args[0])
    return undefined;
  return { subject: call.args[0], negated };
}

/** `expectFieldEquals` → `expect_field_equals`; `to_have_text` stays. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
