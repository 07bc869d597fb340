import ts from 'typescript';
import type { CodeExpr, CodeStmt } from './code-tree.ts';

/** The file being converted, and how to convert statements (function bodies hold them). */
export interface ConversionContext {
  source: ts.SourceFile;
  statements: (statements: readonly ts.Statement[]) => CodeStmt[];
}

export function lineOf(node: ts.Node, source: ts.SourceFile): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

export function endLineOf(node: ts.Node, source: ts.SourceFile): number {
  return source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
}

const MAX_TEXT = 300;
const COMPARISONS = new Map<ts.SyntaxKind, string>([
  [ts.SyntaxKind.EqualsEqualsEqualsToken, '=='],
  [ts.SyntaxKind.EqualsEqualsToken, '=='],
  [ts.SyntaxKind.ExclamationEqualsEqualsToken, '!='],
  [ts.SyntaxKind.ExclamationEqualsToken, '!='],
]);

/** A TypeScript expression as a code tree (see code-tree.ts); unknown shapes keep their text. */
export function convertExpression(node: ts.Expression, context: ConversionContext): CodeExpr {
  const inner = unwrap(node);
  return literal(inner, context.source) ?? structured(inner, context) ?? other(inner, context.source);
}

/** Drops what does not change the value: await, parentheses, type assertions. */
function unwrap(node: ts.Expression): ts.Expression {
  if (
    ts.isAwaitExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isSatisfiesExpression(node)
  )
    return unwrap(node.expression);
  return node;
}

function literal(node: ts.Expression, source: ts.SourceFile): CodeExpr | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { t: 'str', v: node.text };
  // Template strings are kept as written (`${…}` included): titles and names are built this way.
  if (ts.isTemplateExpression(node)) return { t: 'str', v: node.getText(source).slice(1, -1) };
  if (ts.isNumericLiteral(node)) return { t: 'num', v: Number(node.text) };
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(node.operand)
  )
    return { t: 'num', v: -Number(node.operand.text) };
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { t: 'bool', v: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { t: 'bool', v: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { t: 'null' };
  if (ts.isIdentifier(node) && node.text === 'undefined') return { t: 'null' };
  return undefined;
}

function structured(node: ts.Expression, context: ConversionContext): CodeExpr | undefined {
  const convert = (child: ts.Expression) => convertExpression(child, context);
  if (ts.isIdentifier(node)) return { t: 'name', id: node.text };
  if (node.kind === ts.SyntaxKind.ThisKeyword) return { t: 'name', id: 'this' };
  if (ts.isPropertyAccessExpression(node))
    return { t: 'attr', of: convert(node.expression), name: node.name.text };
  if (ts.isElementAccessExpression(node))
    return { t: 'index', of: convert(node.expression), index: convert(node.argumentExpression) };
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return call(node, context);
  if (ts.isObjectLiteralExpression(node)) return objectLiteral(node, context);
  if (ts.isArrayLiteralExpression(node))
    return { t: 'list', items: node.elements.filter((item) => !ts.isSpreadElement(item)).map(convert) };
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return func(node, context);
  if (ts.isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind)) {
    const op = COMPARISONS.get(node.operatorToken.kind)!;
    return { t: 'cmp', op, left: convert(node.left), right: convert(node.right) };
  }
  return undefined;
}

function call(node: ts.CallExpression | ts.NewExpression, context: ConversionContext): CodeExpr {
  const args = (node.arguments ?? [])
    .filter((argument) => !ts.isSpreadElement(argument))
    .map((argument) => convertExpression(argument, context));
  const callee = convertExpression(node.expression, context);
  const line = lineOf(node, context.source);
  return ts.isNewExpression(node)
    ? { t: 'call', callee, args, kwargs: [], line, isNew: true }
    : { t: 'call', callee, args, kwargs: [], line };
}

function objectLiteral(node: ts.ObjectLiteralExpression, context: ConversionContext): CodeExpr {
  const entries: { key: CodeExpr; value: CodeExpr }[] = [];
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property)) {
      const name = property.name;
      const key: CodeExpr =
        ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)
          ? { t: 'str', v: name.text }
          : other(name, context.source);
      entries.push({ key, value: convertExpression(property.initializer, context) });
    } else if (ts.isShorthandPropertyAssignment(property)) {
      entries.push({
        key: { t: 'str', v: property.name.text },
        value: { t: 'name', id: property.name.text },
      });
    }
  }
  return { t: 'dict', entries };
}

function func(node: ts.ArrowFunction | ts.FunctionExpression, context: ConversionContext): CodeExpr {
  const end = endLineOf(node, context.source);
  if (ts.isBlock(node.body)) return { t: 'func', body: context.statements(node.body.statements), end };
  const line = lineOf(node.body, context.source);
  return { t: 'func', body: [{ s: 'return', e: convertExpression(node.body, context), line }], end };
}

function other(node: ts.Node, source: ts.SourceFile): CodeExpr {
  return { t: 'other', text: node.getText(source).slice(0, MAX_TEXT) };
}
