import { TestopsError } from '../../core/errors.ts';
import { runProcess } from './run-process.ts';

// allure comes from allure-pytest, which the suite's requirements.txt lists.
const REQUIRED_MODULES = ['pytest', 'httpx', 'jsonschema', 'allure'];

/**
 * The first Python that can run an emitted suite: $TESTOPS_PYTHON, then `python3` on the PATH,
 * then the system one (Debian's packages install into /usr/bin/python3, which a pyenv shim hides).
 */
export async function findPython(cwd: string): Promise<string> {
  const candidates = [process.env['TESTOPS_PYTHON'], 'python3', '/usr/bin/python3', 'python'].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  for (const candidate of candidates) {
    const probe = await runProcess(candidate, ['-c', `import ${REQUIRED_MODULES.join(', ')}`], {
      cwd,
      timeoutMs: 30_000,
    }).catch(() => undefined);
    if (probe?.code === 0) return candidate;
  }
  throw new TestopsError(
    'TESTOPS_RUNNER_MISSING',
    `no Python with ${REQUIRED_MODULES.join(', ')} was found`,
    {
      where: candidates.join(', '),
      expected: `a Python 3 interpreter that can import ${REQUIRED_MODULES.join(', ')}`,
      hint: 'run `pip install -r requirements.txt` in the suite folder, or point TESTOPS_PYTHON at an interpreter that has these modules.',
    },
  );
}
