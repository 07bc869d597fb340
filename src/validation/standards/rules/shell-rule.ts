import type { SourceFile } from '../model/source-model.ts';
import { callMatcher, listParameter } from './parameters.ts';
import { canonicalModule, resolvedCallees, resolveCallee } from './resolve-callee.ts';
import { at, type Draft, type FileRule } from './rule-check.ts';

/**
 * A test that runs shell commands or evaluates strings can do anything on the machine that
 * runs it; tests act through the system under test only.
 */
export const securityShell: FileRule = {
  id: 'security-shell',
  checkFile: (file, { rule }) => {
    const forbidden = callMatcher(listParameter(rule, 'forbiddenCalls'));
    const modules = new Set(listParameter(rule, 'forbiddenModules'));
    return [...forbiddenImports(file, modules), ...forbiddenCalls(file, forbidden, modules)].sort(
      (a, b) => a.line - b.line,
    );
  },
};

function forbiddenCalls(
  file: SourceFile,
  forbidden: (callee: string) => boolean,
  modules: Set<string>,
): Draft[] {
  const callees = resolvedCallees(file);
  return file.calls.flatMap((call, index) => {
    const callee = callees[index]!;
    if (forbidden(callee)) return [{ ...at(call), message: `runs ${callee}(…)` }];
    // CommonJS: require('child_process') and import('child_process').
    const loaded = call.callee === 'require' || call.callee === 'import' ? call.args[0] : undefined;
    if (loaded && modules.has(canonicalModule(loaded))) return [{ ...at(call), message: `loads ${loaded}` }];
    return [];
  });
}

/** An import alone is reported only when the module is not also called (the call says more). */
function forbiddenImports(file: SourceFile, modules: Set<string>): Draft[] {
  return file.imports
    .filter((item) => modules.has(canonicalModule(item.module).split('.')[0]!))
    .filter(
      (item) =>
        !file.calls.some((call) => call.line > item.line && usesImport(file, call.callee, item.module)),
    )
    .map((item) => ({ ...at(item), message: `imports ${item.module}` }));
}

function usesImport(file: SourceFile, callee: string, module: string): boolean {
  return resolveCallee(file, callee).startsWith(`${canonicalModule(module)}.`);
}
