import { execFile } from 'node:child_process';
import { TestopsError } from '../../core/errors.ts';

const MINIMUM_MINOR = 9; // ast.unparse, which the script uses, arrived in Python 3.9

/**
 * The interpreter that parses Python tests: `$TESTOPS_PYTHON`, else `python3` on the PATH, else
 * `/usr/bin/python3`. Each candidate is asked its version, so a broken shim is skipped.
 */
export async function findPython(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = env['TESTOPS_PYTHON'];
  // Asked once per process and setting: every probe starts an interpreter.
  const key = configured ?? '';
  const known = found.get(key);
  if (known) return known;
  const python = await probe(configured);
  found.set(key, python);
  return python;
}

const found = new Map<string, string>();

async function probe(configured: string | undefined): Promise<string> {
  const candidates = configured ? [configured] : ['python3', '/usr/bin/python3'];
  const tried: string[] = [];
  for (const candidate of candidates) {
    const version = await pythonVersion(candidate);
    // The real executable, not a shim (pyenv's take a second per start).
    if (version && version.major === 3 && version.minor >= MINIMUM_MINOR)
      return version.executable || candidate;
    tried.push(
      version ? `${candidate} (Python ${version.major}.${version.minor})` : `${candidate} (not found)`,
    );
  }
  throw new TestopsError('TESTOPS_PYTHON_MISSING', 'no Python interpreter to parse the Python tests with', {
    where: tried.join(', '),
    expected: `Python 3.${MINIMUM_MINOR} or newer`,
    hint: configured
      ? 'point TESTOPS_PYTHON at a working python3 executable, or unset it to use python3 from the PATH.'
      : 'install python3 (e.g. `apt-get install python3`) or set TESTOPS_PYTHON to its path.',
  });
}

function pythonVersion(
  executable: string,
): Promise<{ major: number; minor: number; executable: string } | undefined> {
  return new Promise((resolve) => {
    execFile(
      executable,
      ['-c', 'import sys; print("%d.%d %s" % (sys.version_info[0], sys.version_info[1], sys.executable))'],
      { timeout: 10_000 },
      (error, stdout) => {
        const match = /^(\d+)\.(\d+) ?(.*)$/.exec(String(stdout).trim());
        if (error || !match) return resolve(undefined);
        resolve({ major: Number(match[1]), minor: Number(match[2]), executable: match[3] ?? '' });
      },
    );
  });
}
