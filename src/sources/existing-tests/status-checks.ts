import { lastName, type CodeExpr } from './code-tree.ts';
import type { Scope } from './scope.ts';

export interface StatusCheck {
  /** The response variable checked, when the check names one. */
  subject: string | undefined;
  statuses: number[];
}

const STATUS_HELPERS = new Set([
  'expectstatus',
  'assertstatus',
  'expectstatuscode',
  'assertstatuscode',
  'checkstatus',
]);
const EQUALITY_MATCHERS = new Set(['toBe', 'toEqual', 'toStrictEqual', 'to_be', 'to_equal']);
const STATUS_FIELDS = new Set(['status', 'status_code', 'statusCode']);

/**
 * A check of a response status: `expectStatus(response, [422])`, `expect_status(response, [422])`,
 * `assert response.status_code == 201`, `expect(response.status()).toBe(201)`.
 */
export function readStatusCheck(expr: CodeExpr, scope: Scope): StatusCheck | undefined {
  if (expr.t === 'cmp') return comparison(expr, scope);
  if (expr.t !== 'call') return undefined;
  const helper = lastName(expr.callee).replace(/_/g, '').toLowerCase();
  if (STATUS_HELPERS.has(helper) && expr.args.length >= 2) {
    const statuses = numbers(scope.resolve(expr.args[1]!));
    return statuses.length > 0 ? { subject: nameOf(expr.args[0]), statuses } : undefined;
  }
  if (expr.callee.t === 'attr' && EQUALITY_MATCHERS.has(expr.callee.name)) {
    const subject = expectedSubject(expr.callee.of);
    const statuses = numbers(scope.resolve(expr.args[0] ?? { t: 'null' }));
    if (subject && statuses.length > 0) return { subject: responseOf(subject), statuses };
  }
  return undefined;
}

function comparison(expr: CodeExpr & { t: 'cmp' }, scope: Scope): StatusCheck | undefined {
  if (expr.op !== '==' && expr.op !== 'in') return undefined;
  const subject = responseOf(expr.left);
  const statuses = numbers(scope.resolve(expr.right));
  return subject && statuses.length > 0 ? { subject, statuses } : undefined;
}

/** `expect(x)` → x. */
function expectedSubject(expr: CodeExpr): CodeExpr | undefined {
  return expr.t === 'call' && lastName(expr.callee) === 'expect' ? expr.args[0] : undefined;
}

/** `response.status_code`, `response.status()` → `response`. */
function responseOf(expr: CodeExpr): string | undefined {
  const access = expr.t === 'call' && expr.args.length === 0 ? expr.callee : expr;
  return access.t === 'attr' && STATUS_FIELDS.has(access.name) ? nameOf(access.of) : undefined;
}

function nameOf(expr: CodeExpr | undefined): string | undefined {
  return expr?.t === 'name' ? expr.id : undefined;
}

function numbers(expr: CodeExpr): number[] {
  if (expr.t === 'num' && Number.isInteger(expr.v)) return [expr.v];
  if (expr.t === 'list') return expr.items.flatMap((item) => (item.t === 'num' ? [item.v] : []));
  return [];
}
