import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerPlanCommand } from '../../../src/cli/commands/plan.ts';
import { isTestopsError } from '../../../src/core/errors.ts';

/** The command as main.ts mounts it, with its output captured; returns the exit code set and output. */
async function plan(...args: string[]): Promise<{ code: number | undefined; out: string; error: unknown }> {
  let code: number | undefined;
  let out = '';
  const program = new Command('testops').exitOverride().configureOutput({
    writeOut: (text) => (out += text),
    writeErr: (text) => (out += text),
  });
  registerPlanCommand(program, (value) => (code = value));
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  try {
    await program.parseAsync(['plan', ...args], { from: 'user' });
    return { code, out, error: undefined };
  } catch (error) {
    return { code, out, error };
  } finally {
    process.stdout.write = write;
  }
}

describe('testops plan', () => {
  it('documents every flag in --help', async () => {
    const { out, error } = await plan('--help');
    expect(error).toBeInstanceOf(CommanderError);
    for (const flag of ['--requirements', '--spec', '--model', '--tests', '--defects', '--format', '--out'])
      expect(out).toContain(flag);
    expect(out).toContain('markdown');
    expect(out).toContain('exactly one of');
  });

  it('writes TEST-PLAN.md, prints the top cases and sets exit code 0', async () => {
    const out = await mkdtemp(join(tmpdir(), 'testops-plan-cli-'));
    const result = await plan(
      '--requirements',
      'test/fixtures/requirements/price-calculator.md',
      '--defects',
      'test/fixtures/defects/defect-history.csv',
      '--out',
      out,
    );
    expect(result.error).toBeUndefined();
    expect(result.code).toBe(0);
    expect(result.out).toContain('top 5 cases');
    expect(await readFile(join(out, 'TEST-PLAN.md'), 'utf8')).toContain('## 7. Prioritised cases');
  });

  it('refuses a missing source with a typed error (exit 2 in main) and an unknown format', async () => {
    const none = await plan('--defects', 'test/fixtures/defects/defect-history.csv');
    expect(isTestopsError(none.error) && none.error.code).toBe('TESTOPS_INVALID_ARGUMENT');
    const format = await plan('--spec', 'examples/compute-api/openapi.yaml', '--format', 'pdf');
    expect(format.error).toBeInstanceOf(CommanderError);
    expect(format.out).toContain('Allowed choices are markdown, json');
  });
});
