import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Emitted Python is checked by a real interpreter: $TESTOPS_PYTHON, else python3, else the
// system one (a version manager's shim may hide it).

const CHECKER = fileURLToPath(new URL('./fixtures/check_allure_modules.py', import.meta.url));
export const ALLURE_STUB = fileURLToPath(new URL('./fixtures/allure-stub', import.meta.url));

export function findPython(modules = ''): string | undefined {
  const candidates = [process.env['TESTOPS_PYTHON'], 'python3', '/usr/bin/python3'].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  const probe = modules ? `import ast, json, ${modules}` : 'import ast, json';
  return candidates.find(
    (candidate) => spawnSync(candidate, ['-c', probe], { stdio: 'ignore' }).status === 0,
  );
}

export interface ModuleReport {
  files: number;
  classes: number;
  methods: number;
  titles: string[];
  errors: string[];
}

export function checkAllureModules(python: string, files: string[]): ModuleReport {
  const result = spawnSync(python, [CHECKER, ...files], { encoding: 'utf8', maxBuffer: 50_000_000 });
  if (result.status !== 0) throw new Error(`the checker failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ModuleReport;
}
