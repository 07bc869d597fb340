import type { ValueExpr } from '../../core/test-case.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** TypeScript source for a value expression; objects stay on one line unless they are long. */
export function renderExpression(expr: ValueExpr, indent = ''): string {
  switch (expr.kind) {
    case 'literal':
      return renderLiteral(expr.value, indent);
    case 'var':
      return `vars.get(${quote(expr.name)})`;
    case 'unique': {
      const args = [quote(expr.prefix), String(expr.maxLength)];
      if (expr.suffix || expr.letters) args.push(quote(expr.suffix ?? ''));
      if (expr.letters) args.push(quote(expr.letters));
      return `unique(${args.join(', ')})`;
    }
    case 'resource':
      return expr.part === undefined
        ? `${variableName(expr.alias)}.id`
        : `fieldAt(${variableName(expr.alias)}.id, ${quote(expr.part)})`;
    case 'saved':
      return `saved[${quote(expr.name)}]`;
    case 'random-uuid':
      return 'randomUuid()';
    case 'unique-number':
      return 'uniqueNumber()';
    case 'array': {
      const items = expr.items.map((item) => renderExpression(item, indent + '  '));
      return wrap('[', items, ']', indent);
    }
    case 'object': {
      const entries = Object.entries(expr.entries).map(
        ([key, value]) => `${propertyName(key)}: ${renderExpression(value, indent + '  ')}`,
      );
      return wrap('{', entries, '}', indent, ' ');
    }
  }
}

function renderLiteral(value: unknown, indent: string): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value))
    return wrap(
      '[',
      value.map((item) => renderLiteral(item, indent + '  ')),
      ']',
      indent,
    );
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, item]) => `${propertyName(key)}: ${renderLiteral(item, indent + '  ')}`,
    );
    return wrap('{', entries, '}', indent, ' ');
  }
  if (typeof value === 'string') return quote(value);
  return JSON.stringify(value);
}

function wrap(open: string, parts: string[], close: string, indent: string, pad = ''): string {
  if (parts.length === 0) return `${open}${close}`;
  const inline = `${open}${pad}${parts.join(', ')}${pad}${close}`;
  if (inline.length <= 90 && !inline.includes('\n')) return inline;
  return `${open}\n${parts.map((part) => `${indent}  ${part},`).join('\n')}\n${indent}${close}`;
}

export function quote(text: string): string {
  return `'${text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028|\u2029/g, ' ')}'`;
}

function propertyName(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

/** A resource alias as a local variable name (`disk1`); reserved words get a suffix. */
export function variableName(alias: string): string {
  const name = alias.replace(/[^A-Za-z0-9_$]/g, '_').replace(/^(\d)/, '_$1');
  return [
    'api',
    'vars',
    'resources',
    'saved',
    'test',
    'expect',
    'delete',
    'new',
    'default',
    'function',
    'class',
  ].includes(name)
    ? `${name}Resource`
    : name;
}

export function usesVars(code: string): boolean {
  return /\bvars\.get\(/.test(code);
}
