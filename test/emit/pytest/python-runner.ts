import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A no-op `allure` module: allure-pytest cannot be installed where these tests run. */
export const ALLURE_STUB_DIR = fileURLToPath(new URL('./fixtures/allure-stub', import.meta.url));

const REQUIRED_MODULES = 'import pytest, httpx, jsonschema';

/**
 * The first interpreter that has pytest, httpx and jsonschema. `python3` on PATH may be a version
 * manager's shim without them while the distribution's interpreter has them (Debian packages).
 */
export function findPython(): string | undefined {
  const candidates = [process.env['TESTOPS_PYTHON'], 'python3', '/usr/bin/python3'].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  return candidates.find(
    (candidate) => spawnSync(candidate, ['-c', REQUIRED_MODULES], { stdio: 'ignore' }).status === 0,
  );
}

export interface ProcessResult {
  code: number | null;
  output: string;
}

/**
 * Runs Python without blocking the event loop: the API under test is served by this process.
 * `env` replaces the variables the emitted suite reads, so the caller's shell cannot leak in.
 */
export function runPython(
  python: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<ProcessResult> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(API_|ALLOW_WRITES$|PROJECT_ID$|PYTEST_|PYTHONPATH$)/.test(name),
    ),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(python, args, {
      cwd,
      env: { ...inherited, PYTHONPATH: ALLURE_STUB_DIR, PYTHONDONTWRITEBYTECODE: '1', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
