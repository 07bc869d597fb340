import { resolve } from 'node:path';

/** allure-pytest cannot be installed here; a no-op `allure` module stands in for it in tests only. */
export const ALLURE_STUB = resolve('test/emit/pytest/fixtures/allure-stub');

/** Runs `work` with the stub on PYTHONPATH (pytest suites the pipeline runs import it), then restores it. */
export async function withAllureStub<T>(work: () => Promise<T>): Promise<T> {
  const saved = process.env['PYTHONPATH'];
  process.env['PYTHONPATH'] = ALLURE_STUB;
  try {
    return await work();
  } finally {
    if (saved === undefined) delete process.env['PYTHONPATH'];
    else process.env['PYTHONPATH'] = saved;
  }
}
