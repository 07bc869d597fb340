import { spawn } from 'node:child_process';
import { TestopsError } from '../../../core/errors.ts';

// Prints the interpreter's real path: a pyenv shim costs a bash start-up on every run, so the
// batches run the interpreter behind it.
const PROBE = 'import ast, json, sys; assert sys.version_info >= (3, 8); print(sys.executable)';

// One probe per process and interpreter choice: the answer does not change while we run.
const found = new Map<string, Promise<string>>();

/**
 * The Python that parses Python test files: $TESTOPS_PYTHON, then `python3` on the PATH, then the
 * system one (a pyenv shim on the PATH may have no version selected). Only the standard `ast`
 * module is needed, so any Python 3.8+ will do.
 */
export function findAstPython(): Promise<string> {
  const candidates = [process.env['TESTOPS_PYTHON'], 'python3', '/usr/bin/python3'].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  const key = candidates.join('\0');
  let probe = found.get(key);
  if (!probe) {
    probe = firstWorking(candidates);
    found.set(key, probe);
    // A failed probe is not cached: the user may install Python and retry in the same process.
    probe.catch(() => found.delete(key));
  }
  return probe;
}

async function firstWorking(candidates: string[]): Promise<string> {
  for (const candidate of candidates) {
    const executable = await probe(candidate);
    if (executable !== undefined) return executable || candidate;
  }
  throw new TestopsError('TESTOPS_PYTHON_MISSING', 'no Python was found to parse the Python test files', {
    where: `tried ${candidates.join(', ')}`,
    expected: 'a Python 3.8 or newer interpreter (only its standard ast module is used)',
    hint: 'install python3, or set TESTOPS_PYTHON to the path of a Python 3.8+ interpreter.',
  });
}

/** The interpreter's own path ('' when it does not say), or undefined when it is not usable. */
function probe(command: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, ['-c', PROBE], { stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? output.trim() : undefined);
    });
  });
}
