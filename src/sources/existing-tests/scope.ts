import type { DataValue } from '../../core/existing-test.ts';
import { dictKey, lastName, type CodeExpr } from './code-tree.ts';

const MAX_DEPTH = 4;

/**
 * Local names of one test body (`body = {...}`, `const disk = await resources.create('disk')`),
 * so a request that sends `json: body` is read with the literal it sends.
 */
export class Scope {
  private readonly bindings = new Map<string, CodeExpr>();

  bind(name: string, value: CodeExpr): void {
    // `x = f(x)` would otherwise resolve to itself forever.
    if (!mentions(value, name)) this.bindings.set(name, unwrapStep(value));
  }

  lookup(name: string): CodeExpr | undefined {
    return this.bindings.get(name);
  }

  /** Follows names to what they were assigned, a few levels deep. */
  resolve(expr: CodeExpr, depth = 0): CodeExpr {
    if (expr.t !== 'name' || depth >= MAX_DEPTH) return expr;
    const bound = this.bindings.get(expr.id);
    return bound ? this.resolve(bound, depth + 1) : expr;
  }

  /** The literal a test feeds in; anything else as `{ $expr }` in a canonical spelling. */
  dataValue(expr: CodeExpr, depth = 0): DataValue {
    const value = depth < MAX_DEPTH ? this.resolve(expr) : expr;
    switch (value.t) {
      case 'str':
      case 'num':
      case 'bool':
        return value.v;
      case 'null':
        return null;
      case 'list':
        return value.items.map((item) => this.dataValue(item, depth + 1));
      case 'dict':
        return Object.fromEntries(
          value.entries.map((entry) => [dictKey(entry.key) ?? '?', this.dataValue(entry.value, depth + 1)]),
        );
      default:
        return { $expr: this.text(value, depth) };
    }
  }

  /** Canonical source text: double quotes, `a.b` for `a['b']`, names followed to their values. */
  text(expr: CodeExpr, depth = 0): string {
    const resolved = depth < MAX_DEPTH ? this.resolve(expr) : expr;
    const text = (child: CodeExpr) => this.text(child, depth + 1);
    switch (resolved.t) {
      case 'str':
        return JSON.stringify(resolved.v);
      case 'num':
      case 'bool':
        return String(resolved.v);
      case 'null':
        return 'null';
      case 'name':
        return resolved.id;
      case 'attr':
        return `${text(resolved.of)}.${resolved.name}`;
      case 'index':
        return resolved.index.t === 'str'
          ? `${text(resolved.of)}.${resolved.index.v}`
          : `${text(resolved.of)}[${text(resolved.index)}]`;
      case 'call': {
        const args = [
          ...resolved.args.map(text),
          ...resolved.kwargs.map((kw) => `${kw.name}=${text(kw.value)}`),
        ];
        return `${resolved.isNew ? 'new ' : ''}${text(resolved.callee)}(${args.join(', ')})`;
      }
      case 'list':
        return `[${resolved.items.map(text).join(', ')}]`;
      case 'dict':
        return `{${resolved.entries.map((entry) => `${dictKey(entry.key) ?? '?'}: ${text(entry.value)}`).join(', ')}}`;
      case 'func':
        return '() => …';
      case 'cmp':
        return `${text(resolved.left)} ${resolved.op} ${text(resolved.right)}`;
      case 'other':
        return resolved.text;
    }
  }
}

/** `await test.step('Arrange: …', () => resources.create('disk'))` is worth what the step returns. */
export function unwrapStep(expr: CodeExpr): CodeExpr {
  if (expr.t !== 'call' || lastName(expr.callee) !== 'step') return expr;
  const callback = expr.args[expr.args.length - 1];
  if (callback?.t !== 'func' || callback.body.length !== 1) return expr;
  const [only] = callback.body;
  return only?.s === 'return' ? unwrapStep(only.e) : expr;
}

function mentions(expr: CodeExpr, name: string): boolean {
  switch (expr.t) {
    case 'name':
      return expr.id === name;
    case 'attr':
      return mentions(expr.of, name);
    case 'index':
      return mentions(expr.of, name) || mentions(expr.index, name);
    case 'call':
      return (
        mentions(expr.callee, name) ||
        expr.args.some((arg) => mentions(arg, name)) ||
        expr.kwargs.some((kw) => mentions(kw.value, name))
      );
    case 'list':
      return expr.items.some((item) => mentions(item, name));
    case 'dict':
      return expr.entries.some((entry) => mentions(entry.value, name));
    case 'cmp':
      return mentions(expr.left, name) || mentions(expr.right, name);
    default:
      return false;
  }
}
