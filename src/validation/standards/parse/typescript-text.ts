import ts from 'typescript';
import type { Position } from '../model/source-model.ts';

/** 1-based line and column of where a node's text starts (after its leading comments). */
export function positionOf(node: ts.Node, file: ts.SourceFile): Position {
  const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return { line: line + 1, column: character + 1 };
}

export function endLineOf(node: ts.Node, file: ts.SourceFile): number {
  return file.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
}

/** The text of a string or template literal; each `${…}` of a template becomes `{}`. */
export function literalText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('');
  return undefined;
}

/** `page.goto`, `fs.promises.writeFile`, `request.newContext().get`; `?` where it is not a name. */
export function dottedName(node: ts.Expression): string {
  if (ts.isIdentifier(node)) return node.text;
  if (node.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(node)) return `${dottedName(node.expression)}.${node.name.text}`;
  if (ts.isCallExpression(node)) return `${dottedName(node.expression)}()`;
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAwaitExpression(node))
    return dottedName(node.expression);
  if (ts.isElementAccessExpression(node)) {
    const key = literalText(node.argumentExpression);
    return key ? `${dottedName(node.expression)}.${key}` : `${dottedName(node.expression)}[]`;
  }
  return '?';
}

/** The name a literal is bound to: `const token = '…'`, `{ password: '…' }`, `x.secret = '…'`. */
export function keyOf(node: ts.Node): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name))
    return parent.name.text;
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) return propertyName(parent.name);
  if (ts.isParameter(parent) && parent.initializer === node && ts.isIdentifier(parent.name))
    return parent.name.text;
  if (ts.isPropertyDeclaration(parent) && parent.initializer === node) return propertyName(parent.name);
  if (
    ts.isBinaryExpression(parent) &&
    parent.right === node &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  )
    return dottedName(parent.left).split('.').pop();
  return undefined;
}

export function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  return literalText(name);
}

export function isFunctionLike(node: ts.Node | undefined): node is ts.ArrowFunction | ts.FunctionExpression {
  return node !== undefined && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));
}
