import ts from 'typescript';
import type { CodeExpr, CodeStmt } from './code-tree.ts';
import {
  convertExpression as convertWithContext,
  endLineOf,
  lineOf,
  type ConversionContext,
} from './typescript-expressions.ts';

/** TypeScript statements as code-tree statements; control flow is flattened into blocks. */
export function convertStatements(statements: readonly ts.Statement[], source: ts.SourceFile): CodeStmt[] {
  return statements.flatMap((statement) => convertStatement(statement, source));
}

function contextOf(source: ts.SourceFile): ConversionContext {
  return { source, statements: (statements) => convertStatements(statements, source) };
}

function convertExpression(node: ts.Expression, source: ts.SourceFile): CodeExpr {
  return convertWithContext(node, contextOf(source));
}

function convertStatement(node: ts.Statement, source: ts.SourceFile): CodeStmt[] {
  const line = lineOf(node, source);
  if (ts.isExpressionStatement(node)) return [expressionStatement(node.expression, source, line)];
  if (ts.isVariableStatement(node)) return variables(node, source);
  if (ts.isReturnStatement(node) && node.expression)
    return [{ s: 'return', e: convertExpression(node.expression, source), line }];
  if (ts.isClassDeclaration(node)) return [classDeclaration(node, source)];
  if (ts.isFunctionDeclaration(node) && node.body) {
    return [
      {
        s: 'def',
        name: node.name?.text ?? '',
        decorators: [],
        params: node.parameters.map((parameter) => parameter.name.getText(source)),
        body: convertStatements(node.body.statements, source),
        doc: undefined,
        line,
        end: endLineOf(node, source),
      },
    ];
  }
  const nested = nestedStatements(node);
  return nested.length > 0 ? [{ s: 'block', body: convertStatements(nested, source), line }] : [];
}

/** `this.region = page.getByLabel('Region')` is an assignment, as in Python. */
function expressionStatement(expression: ts.Expression, source: ts.SourceFile, line: number): CodeStmt {
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const targets = [convertExpression(expression.left, source)];
    return { s: 'assign', targets, value: convertExpression(expression.right, source), line };
  }
  return { s: 'expr', e: convertExpression(expression, source), line };
}

function variables(node: ts.VariableStatement, source: ts.SourceFile): CodeStmt[] {
  return node.declarationList.declarations.flatMap((declaration): CodeStmt[] => {
    if (!declaration.initializer) return [];
    const targets: CodeExpr[] = ts.isIdentifier(declaration.name)
      ? [{ t: 'name', id: declaration.name.text }]
      : [];
    const value = convertExpression(declaration.initializer, source);
    return [{ s: 'assign', targets, value, line: lineOf(declaration, source) }];
  });
}

/** Page objects are classes: their properties and constructor assignments name locators. */
function classDeclaration(node: ts.ClassDeclaration, source: ts.SourceFile): CodeStmt {
  const body: CodeStmt[] = [];
  for (const member of node.members) {
    const line = lineOf(member, source);
    if (ts.isPropertyDeclaration(member) && member.initializer && ts.isIdentifier(member.name)) {
      const isStatic = member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
      const target: CodeExpr = isStatic
        ? { t: 'name', id: member.name.text }
        : { t: 'attr', of: { t: 'name', id: 'this' }, name: member.name.text };
      body.push({
        s: 'assign',
        targets: [target],
        value: convertExpression(member.initializer, source),
        line,
      });
    } else if (ts.isConstructorDeclaration(member) && member.body) {
      body.push({ s: 'block', body: convertStatements(member.body.statements, source), line });
    } else if (ts.isMethodDeclaration(member) && member.body) {
      body.push({
        s: 'def',
        name: member.name.getText(source),
        decorators: [],
        params: member.parameters.map((parameter) => parameter.name.getText(source)),
        body: convertStatements(member.body.statements, source),
        doc: undefined,
        line,
        end: endLineOf(member, source),
      });
    }
  }
  return {
    s: 'class',
    name: node.name?.text ?? '',
    decorators: [],
    body,
    doc: undefined,
    line: lineOf(node, source),
    end: endLineOf(node, source),
  };
}

function nestedStatements(node: ts.Statement): ts.Statement[] {
  if (ts.isBlock(node)) return [...node.statements];
  if (ts.isIfStatement(node))
    return [node.thenStatement, ...(node.elseStatement ? [node.elseStatement] : [])];
  if (ts.isTryStatement(node))
    return [
      node.tryBlock,
      ...(node.catchClause ? [node.catchClause.block] : []),
      ...(node.finallyBlock ? [node.finallyBlock] : []),
    ];
  if (ts.isIterationStatement(node, false) || ts.isLabeledStatement(node)) return [node.statement];
  if (ts.isSwitchStatement(node)) return node.caseBlock.clauses.flatMap((clause) => [...clause.statements]);
  return [];
}
