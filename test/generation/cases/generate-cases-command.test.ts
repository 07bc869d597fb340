import { Command } from 'commander';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerGenerateCasesCommand } from '../../../src/cli/commands/generate-cases.ts';
import { priceCalculatorSiteModel } from '../ui/fixtures/price-calculator/site-model.ts';
import { REQUIREMENTS, SUBSET_SPEC } from './case-targets.ts';

// `testops generate cases` driven through commander in this process, the way main.ts will
// once the command is registered under `generate`.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** What the command threw (main.ts turns a TestopsError into exit code 2). */
  error: (Error & { code?: string; where?: string }) | undefined;
}

async function testops(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const program = new Command('testops')
    .exitOverride()
    .configureOutput({ writeOut: (text) => (stdout += text), writeErr: (text) => (stderr += text) });
  let code = 0;
  let error: Run['error'];
  registerGenerateCasesCommand(program.command('generate'), (exit) => (code = exit));
  try {
    await program.parseAsync(['node', 'testops', ...args]);
  } catch (thrown) {
    error = thrown as Run['error'];
  } finally {
    vi.restoreAllMocks();
  }
  return { code, stdout, stderr, error };
}

const temp = () => mkdtemp(join(tmpdir(), 'generate-cases-'));

afterEach(() => vi.restoreAllMocks());

describe('testops generate cases', () => {
  it('documents every flag in --help', async () => {
    const { stdout, error } = await testops('generate', 'cases', '--help');
    expect(error?.code).toBe('commander.helpDisplayed');
    for (const flag of [
      '--requirements',
      '--spec',
      '--model',
      '--url',
      '--format',
      '--owner',
      '--jira-base',
      '--out',
      '--json',
    ])
      expect(stdout).toContain(flag);
  });

  it('writes Allure TestOps as code from requirements and prints the summary as JSON', async () => {
    const out = await temp();
    const run = await testops(
      'generate',
      'cases',
      '--requirements',
      REQUIREMENTS.en,
      '--out',
      out,
      '--owner',
      'anna',
      '--jira-base',
      'https://jira.example.com',
      '--json',
    );
    expect(run.error).toBeUndefined();
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      cases: number;
      byKind: Record<string, number>;
      byFeature: Record<string, number>;
      byPriority: Record<string, number>;
      unused: unknown[];
      files: string[];
    };
    expect(summary.cases).toBeGreaterThanOrEqual(25);
    expect(summary.byKind['boundary']).toBeGreaterThan(0);
    expect(Object.keys(summary.byFeature)).toContain('Product configuration');
    expect(summary.byPriority['CRITICAL']).toBeGreaterThan(0);
    expect(summary.unused).toHaveLength(2);
    expect(summary.files).toContain('pytest.ini');
    expect(run.stderr).toContain('design cases');
    const modules = await readdir(join(out, 'tests'));
    expect(modules).toContain('test_product_configuration.py');
    const module = await readFile(join(out, 'tests', 'test_product_configuration.py'), 'utf8');
    expect(module).toContain('@allure.label("owner", "anna")');
    expect(module).toContain('@allure.link("https://jira.example.com/browse/CALC-23", name="CALC-23")');
  });

  it('writes CSV from the broken subset spec and says which parts were tested as unconstrained', async () => {
    const out = await temp();
    const run = await testops('generate', 'cases', '--spec', SUBSET_SPEC, '--format', 'csv', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('skipped POST /api/v1/disks');
    expect(run.stderr).toMatch(/POST \/api\/v1\/disks: #\/paths\/.*tested as unconstrained/);
    expect(run.stdout).toMatch(/Cases\s+\d+ \(positive 19,/);
    expect(await readdir(out)).toEqual(['README.md', 'test-cases.csv', 'test-cases.json']);
  });

  it('reads a saved site model (--model) and writes Markdown', async () => {
    const folder = await temp();
    await mkdir(join(folder, 'model'));
    await writeFile(join(folder, 'model', 'site-model.json'), JSON.stringify(priceCalculatorSiteModel));
    const out = join(folder, 'cases');
    const run = await testops('generate', 'cases', '--model', folder, '--format', 'markdown', '--out', out);
    expect(run.code).toBe(0);
    const markdown = await readFile(join(out, 'test-cases.md'), 'utf8');
    expect(markdown).toContain('## Configure Virtual Machine');
    expect(markdown).toContain(
      '### Configure Virtual Machine: "Number of instances" 100 is rejected (above the maximum 99)',
    );
  });

  it('refuses a site model newer than this tool', async () => {
    const folder = await temp();
    await mkdir(join(folder, 'model'));
    await writeFile(
      join(folder, 'model', 'site-model.json'),
      JSON.stringify({ ...priceCalculatorSiteModel, version: 99 }),
    );
    const run = await testops('generate', 'cases', '--model', folder, '--out', join(folder, 'cases'));
    expect(run.error).toMatchObject({ code: 'TESTOPS_MODEL_UNSUPPORTED_VERSION' });
  });

  it('needs exactly one source and an http(s) Jira base', async () => {
    expect((await testops('generate', 'cases', '--out', await temp())).error).toMatchObject({
      code: 'TESTOPS_INVALID_ARGUMENT',
    });
    expect(
      (await testops('generate', 'cases', '--spec', SUBSET_SPEC, '--requirements', REQUIREMENTS.en)).error,
    ).toMatchObject({
      code: 'TESTOPS_INVALID_ARGUMENT',
      message: expect.stringContaining('exactly one source'),
    });
    const jira = await testops(
      'generate',
      'cases',
      '--requirements',
      REQUIREMENTS.en,
      '--jira-base',
      'jira.local',
      '--out',
      await temp(),
    );
    expect(jira.error).toMatchObject({ code: 'TESTOPS_INVALID_ARGUMENT', where: '--jira-base' });
  });
});
