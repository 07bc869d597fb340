import { relative } from 'node:path';
import ts from 'typescript';

export interface TypeCheckResult {
  errors: number;
  /** `file:line:col TScode: message`, the first line of the first error. */
  firstError: string | undefined;
}

/**
 * Type-checks emitted suites with the compiler API, each with the options of its own
 * `tsconfig.json`. Declaration files (lib, @types/node, Playwright, …) are parsed once and shared
 * by every suite's program, as the language service does: they are most of the work and the same
 * for every suite, because each suite's node_modules links to the project's.
 */
export class SuiteTypeChecker {
  readonly #shared = new Map<string, ts.SourceFile>();

  check(suiteDir: string): TypeCheckResult {
    const configPath = ts.findConfigFile(suiteDir, ts.sys.fileExists, 'tsconfig.json');
    if (!configPath || !configPath.startsWith(suiteDir))
      return { errors: 1, firstError: 'no tsconfig.json emitted' };
    const config = ts.readConfigFile(configPath, ts.sys.readFile);
    if (config.error) return { errors: 1, firstError: this.#format(suiteDir, config.error) };
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, suiteDir, undefined, configPath);
    const program = ts.createProgram({
      rootNames: parsed.fileNames,
      options: parsed.options,
      projectReferences: parsed.projectReferences,
      host: this.#host(parsed.options),
      configFileParsingDiagnostics: parsed.errors,
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
    return { errors: errors.length, firstError: errors[0] && this.#format(suiteDir, errors[0]) };
  }

  #host(options: ts.CompilerOptions): ts.CompilerHost {
    const host = ts.createCompilerHost(options);
    const uncached = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      // Only declarations outside the suite are shared; the suite's own files differ every time.
      if (!fileName.includes('/node_modules/') || !fileName.endsWith('.d.ts')) {
        return uncached(fileName, languageVersion, onError, shouldCreate);
      }
      const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
      let file = this.#shared.get(key);
      if (!file || shouldCreate) {
        file = uncached(fileName, languageVersion, onError, shouldCreate);
        if (file) this.#shared.set(key, file);
      }
      return file;
    };
    return host;
  }

  #format(suiteDir: string, diagnostic: ts.Diagnostic): string {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0];
    if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const file = relative(suiteDir, diagnostic.file.fileName);
    return `${file}:${line + 1}:${character + 1} TS${diagnostic.code}: ${message}`;
  }
}
