import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, scratchDir } from './fixture-files.ts';

const run = promisify(execFile);
const HARNESS = 'test/validation/standards/testops-with-check.ts';
let scratch: Awaited<ReturnType<typeof scratchDir>>;

beforeAll(async () => {
  scratch = await scratchDir('cli');
});

afterAll(() => scratch?.remove());

async function testops(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/run-ts.js', HARNESS, ...args], {
      maxBuffer: 20_000_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('testops check', () => {
  it('documents every flag in --help', async () => {
    const { code, stdout } = await testops('check', '--help');
    expect(code).toBe(0);
    for (const flag of ['--rules', '--format', '--fix', '--owner', '--target', '--output'])
      expect(stdout).toContain(flag);
    expect(stdout).toContain('Exit code');
  });

  it('exits 0 on a correct suite and 1 when errors remain', async () => {
    expect((await testops('check', join(FIXTURES, 'allure-manual'))).code).toBe(0);
    const { code, stdout } = await testops('check', join(FIXTURES, 'planted'), '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { summary: { errors: number; warnings: number } };
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(report.summary.warnings).toBe(1);
  });

  it('exits 2 with where, expected and tip for an invalid rules file', async () => {
    const rules = join(scratch.dir, 'rules.yaml');
    await writeFile(rules, 'rules:\n  naming-file: sometimes\n');
    const { code, stderr } = await testops('check', join(FIXTURES, 'allure-manual'), '--rules', rules);
    expect(code).toBe(2);
    expect(stderr).toContain('TESTOPS_INVALID_ARGUMENT');
    expect(stderr).toContain(`${rules}:2:16 (/rules/naming-file)`);
    expect(stderr).toContain('Expected one of: off, error, warning, info.');
    expect(stderr).toContain('Tip:');
  });

  it('exits 2 for a missing path and for an unknown format', async () => {
    const missing = await testops('check', 'no/such/tests');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('TESTOPS_SOURCE_NOT_FOUND');
    expect((await testops('check', join(FIXTURES, 'allure-manual'), '--format', 'html')).code).toBe(2);
  });

  it('writes the report to --output and the summary to stderr', async () => {
    const output = join(scratch.dir, 'report.xml');
    const { code, stderr } = await testops(
      'check',
      join(FIXTURES, 'allure-manual'),
      '--format',
      'junit',
      '--output',
      output,
    );
    expect(code).toBe(0);
    expect(stderr).toContain('1 file, 10 tests: 0 errors');
    expect(await readFile(output, 'utf8')).toContain(
      '<testsuites name="testops check" tests="10" failures="0"',
    );
  });
});
