// Mutants of one installed module, made by Stryker's own instrumenter (the mutators and mutant
// switches `stryker run` uses). Loaded from this folder's pinned install by path, so the
// product's type check does not need the package.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Mutant {
  id: string;
  mutatorName: string;
  replacement: string;
  /** 1-based line of the mutated code in the original module. */
  line: number;
}

export interface InstrumentedModule {
  /** The module with every mutant behind a switch; no mutant is active until one is chosen. */
  content: string;
  mutants: Mutant[];
}

interface StrykerMutant {
  id: string;
  mutatorName: string;
  replacement: string;
  location: { start: { line: number } };
  status?: string;
}

interface InstrumenterModule {
  createInstrumenter: (injector: unknown) => {
    instrument: (
      files: { name: string; content: string; mutate: boolean }[],
      options: { plugins: null; excludedMutations: string[]; ignorers: [] },
    ) => Promise<{ files: { content: string }[]; mutants: StrykerMutant[] }>;
  };
}

// Stryker's header activates the mutant named by this environment variable; a browser has none,
// so the benchmark names the active mutant in the file itself (see `withActiveMutant`).
const ACTIVATION =
  'if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {';

function silentLogger() {
  const no = () => false;
  const nothing = () => undefined;
  return {
    isTraceEnabled: no,
    isDebugEnabled: no,
    isInfoEnabled: no,
    isWarnEnabled: no,
    isErrorEnabled: no,
    isFatalEnabled: no,
    trace: nothing,
    debug: nothing,
    info: nothing,
    warn: nothing,
    error: nothing,
    fatal: nothing,
  };
}

async function importFrom<T>(packageDir: string, file: string): Promise<T> {
  return (await import(pathToFileURL(join(packageDir, 'node_modules', file)).href)) as T;
}

export async function instrumentModule(
  packageDir: string,
  module: { name: string; content: string },
): Promise<InstrumentedModule> {
  const { createInjector } = await importFrom<{ createInjector: () => Injector }>(
    packageDir,
    'typed-inject/dist/src/index.js',
  );
  const { commonTokens } = await importFrom<{ commonTokens: { logger: string; injector: string } }>(
    packageDir,
    '@stryker-mutator/api/dist/src/plugin/index.js',
  );
  const { createInstrumenter } = await importFrom<InstrumenterModule>(
    packageDir,
    '@stryker-mutator/instrumenter/dist/src/index.js',
  );
  const base = createInjector().provideValue(commonTokens.logger, silentLogger());
  const injector = base.provideValue(commonTokens.injector, base);
  const result = await createInstrumenter(injector).instrument(
    [{ name: module.name, content: module.content, mutate: true }],
    { plugins: null, excludedMutations: [], ignorers: [] },
  );
  const content = result.files[0]!.content;
  if (!content.includes(ACTIVATION)) {
    throw new Error('Stryker’s mutant header changed: update ACTIVATION in instrument-module.ts');
  }
  const mutants = result.mutants
    .filter((mutant) => mutant.status === undefined)
    .map((mutant) => ({
      id: mutant.id,
      mutatorName: mutant.mutatorName,
      replacement: mutant.replacement,
      line: mutant.location.start.line + 1,
    }));
  return { content, mutants };
}

interface Injector {
  provideValue: (token: string, value: unknown) => Injector;
}

/** The instrumented module with one mutant switched on for whoever loads it, server or browser. */
export function withActiveMutant(content: string, id: string | undefined): string {
  if (id === undefined) return content;
  return content.replace(ACTIVATION, `ns.activeMutant = ${JSON.stringify(id)};\n  if (false) {`);
}

export const COVERAGE_FILE_VARIABLE = 'TESTOPS_MUTANT_COVERAGE_FILE';

/**
 * The instrumented module, writing which mutants the run executed to `<file>.<pid>-<thread>`
 * (a server may load it in several processes and worker threads, each with its own record). Node
 * CommonJS only: elsewhere it records nothing and every mutant counts as covered.
 */
export function withCoverageRecord(content: string): string {
  return `${content}
;(function recordMutantCoverage() {
  if (typeof require !== 'function' || typeof process !== 'object' || !process.env.${COVERAGE_FILE_VARIABLE}) return;
  var fs = require('fs');
  var file = process.env.${COVERAGE_FILE_VARIABLE} + '.' + process.pid + '-' + require('worker_threads').threadId;
  function write() {
    var ns = globalThis.__stryker__ || {};
    try { fs.writeFileSync(file, JSON.stringify(Object.keys((ns.mutantCoverage || {}).static || {}))); } catch (error) {}
  }
  setInterval(write, 500).unref();
  process.on('exit', write);
})();
`;
}
