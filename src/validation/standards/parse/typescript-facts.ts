import ts from 'typescript';
import type { CallRef, ImportRef, StringRef } from '../model/source-model.ts';
import { dottedName, keyOf, literalText, positionOf, propertyName } from './typescript-text.ts';

export interface TypeScriptFacts {
  imports: ImportRef[];
  calls: CallRef[];
  strings: StringRef[];
}

/** Imports, every call (and `new`) with its literal arguments, and every string literal with its name. */
export function collectFacts(file: ts.SourceFile): TypeScriptFacts {
  const facts: TypeScriptFacts = { imports: [], calls: [], strings: [] };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      facts.imports.push(...importsOf(node, file));
      return;
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) facts.calls.push(callOf(node, file));
    const text = literalText(node);
    if (text !== undefined) {
      facts.strings.push({ ...positionOf(node, file), value: text, key: keyOf(node) });
      // A template's holes may hold calls of their own.
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return facts;
}

function importsOf(node: ts.ImportDeclaration, file: ts.SourceFile): ImportRef[] {
  const module = literalText(node.moduleSpecifier) ?? '';
  const at = positionOf(node, file);
  const clause = node.importClause;
  if (!clause) return [{ ...at, module, name: undefined, alias: undefined }];
  const found: ImportRef[] = [];
  if (clause.name) found.push({ ...at, module, name: 'default', alias: clause.name.text });
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings))
    found.push({ ...at, module, name: undefined, alias: bindings.name.text });
  if (bindings && ts.isNamedImports(bindings))
    for (const element of bindings.elements)
      found.push({
        ...at,
        module,
        name: (element.propertyName ?? element.name).text,
        alias: element.name.text,
      });
  return found;
}

function callOf(node: ts.CallExpression | ts.NewExpression, file: ts.SourceFile): CallRef {
  const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
  const keywords: Record<string, string | null> = {};
  for (const arg of args) {
    if (!ts.isObjectLiteralExpression(arg)) continue;
    for (const property of arg.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const name = propertyName(property.name);
      if (name) keywords[name] = literalText(property.initializer) ?? null;
    }
  }
  const receiver = ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : undefined;
  return {
    ...positionOf(node, file),
    callee: ts.isNewExpression(node) ? `new ${dottedName(node.expression)}` : dottedName(node.expression),
    args: args.map((arg) => literalText(arg) ?? null),
    keywords,
    receiverArg:
      receiver && (ts.isCallExpression(receiver) || ts.isNewExpression(receiver))
        ? literalText(receiver.arguments?.[0])
        : undefined,
  };
}
