import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import type { FilePlace, SourceFile } from '../model/source-model.ts';
import { collectFacts } from './typescript-facts.ts';
import { collectTests } from './typescript-tests.ts';

// Parsing only: imports are not followed and no lib is loaded, so a program over a thousand
// specs costs what parsing them costs. Type errors are the suite's own compiler's business.
const PARSE_ONLY: ts.CompilerOptions = { noResolve: true, noLib: true, types: [], allowJs: false };

/** Parses TypeScript specs with the TypeScript compiler: syntax diagnostics, tests, steps and facts. */
export async function typeScriptSourceFiles(places: FilePlace[]): Promise<SourceFile[]> {
  const texts = await Promise.all(places.map((place) => readFile(place.path, 'utf8')));
  const parsed = new Map<string, ts.SourceFile>();
  places.forEach((place, index) => {
    parsed.set(
      place.path,
      ts.createSourceFile(place.path, texts[index]!, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS),
    );
  });
  const host = ts.createCompilerHost(PARSE_ONLY);
  host.getSourceFile = (name) => parsed.get(name);
  host.fileExists = (name) => parsed.has(name);
  const program = ts.createProgram({ rootNames: [...parsed.keys()], options: PARSE_ONLY, host });
  return places.map((place) => toSourceFile(place, parsed.get(place.path)!, program));
}

function toSourceFile(place: FilePlace, file: ts.SourceFile, program: ts.Program): SourceFile {
  const syntaxErrors = program.getSyntacticDiagnostics(file).map((diagnostic) => {
    const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    return {
      line: line + 1,
      column: character + 1,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    };
  });
  const { suites, tests } = collectTests(file);
  return {
    ...place,
    language: 'typescript',
    kind: 'playwright',
    syntaxErrors,
    suites,
    tests,
    ...collectFacts(file),
  };
}
