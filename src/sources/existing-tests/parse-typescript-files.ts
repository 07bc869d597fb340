import ts from 'typescript';
import type { CodeStmt, ParsedFile } from './code-tree.ts';
import { convertStatements } from './typescript-statements.ts';

const OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  noResolve: true,
  noLib: true,
  types: [],
  target: ts.ScriptTarget.Latest,
};

/**
 * Parses TypeScript/JavaScript test files with the TypeScript compiler. Only syntax is checked
 * (no type-checking, no imports followed): a test folder rarely has its dependencies installed.
 */
export function parseTypescriptFiles(files: { path: string; text: string }[]): ParsedFile[] {
  const texts = new Map(files.map((file) => [file.path, file.text]));
  const host = ts.createCompilerHost(OPTIONS, true);
  host.getSourceFile = (name, languageVersion) => {
    const text = texts.get(name);
    return text === undefined ? undefined : ts.createSourceFile(name, text, languageVersion, true);
  };
  host.fileExists = (name) => texts.has(name);
  host.readFile = (name) => texts.get(name);
  const program = ts.createProgram([...texts.keys()], OPTIONS, host);
  return files.map((file) => parseOne(program, file.path));
}

function parseOne(program: ts.Program, path: string): ParsedFile {
  const source = program.getSourceFile(path);
  if (!source) return { file: path, ok: false, message: 'could not be read', line: undefined };
  const [first] = program.getSyntacticDiagnostics(source);
  if (first) {
    const line =
      first.start === undefined ? undefined : source.getLineAndCharacterOfPosition(first.start).line + 1;
    const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
    return { file: path, ok: false, message: `TS${first.code}: ${message}`, line };
  }
  const body: CodeStmt[] = convertStatements(source.statements, source);
  return { file: path, ok: true, body };
}
