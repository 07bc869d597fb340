import type { ValueExpr } from '../../core/test-case.ts';
import { pyLiteral, pyString, pyWrap } from './python-literal.ts';
import { pyVariableName } from './python-names.ts';

/** Names the generated Python code uses itself; resource aliases must not shadow them. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'self',
  'api',
  'vars',
  'resources',
  'saved',
  'allure',
  'pytest',
  'resource_id',
  'expect_status',
  'expect_content_type',
  'expect_documented_schema',
  'expect_field_equals',
  'expect_field_kept',
  'expect_array_length',
  'expect_only_fields',
  'field_at',
  'unique',
  'random_uuid',
  'unique_number',
  'RawBody',
]);

export interface ExpressionScope {
  /** How a saved value is read; tests keep them in `saved`, recipe removals get the id. */
  saved(name: string): string;
}

export const TEST_SCOPE: ExpressionScope = { saved: (name) => `saved[${pyString(name)}]` };

/** Python source for a value expression; `indent` is that of the line it starts on. */
export function renderPyExpression(
  expr: ValueExpr,
  indent = '',
  scope: ExpressionScope = TEST_SCOPE,
): string {
  switch (expr.kind) {
    case 'literal':
      return pyLiteral(expr.value, indent);
    case 'var':
      return `vars.get(${pyString(expr.name)})`;
    case 'unique': {
      const args = [pyString(expr.prefix), String(expr.maxLength)];
      if (expr.suffix || expr.letters) args.push(pyString(expr.suffix ?? ''));
      if (expr.letters) args.push(pyString(expr.letters));
      return `unique(${args.join(', ')})`;
    }
    case 'resource':
      // A part of a composite key is read from the id, all the create answered (as in TypeScript).
      return expr.part === undefined
        ? `${resourceVariable(expr.alias)}.id`
        : `field_at(${resourceVariable(expr.alias)}.id, ${pyString(expr.part)})`;
    case 'saved':
      return scope.saved(expr.name);
    case 'random-uuid':
      return 'random_uuid()';
    case 'unique-number':
      return 'unique_number()';
    case 'array':
      return pyWrap(
        '[',
        expr.items.map((item) => renderPyExpression(item, indent + '    ', scope)),
        ']',
        indent,
      );
    case 'object':
      return pyWrap(
        '{',
        Object.entries(expr.entries).map(
          ([key, value]) => `${pyString(key)}: ${renderPyExpression(value, indent + '    ', scope)}`,
        ),
        '}',
        indent,
      );
  }
}

/** The local variable holding a resource created for the test. */
export function resourceVariable(alias: string): string {
  return pyVariableName(alias, RESERVED_NAMES);
}
