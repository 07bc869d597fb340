// `testops optimize` as the CLI registers it: its help, its JSON report, exit codes for bad input.
import { Command, CommanderError } from 'commander';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerOptimizeCommand } from '../../src/cli/commands/optimize.ts';
import type { OptimisationReport } from '../../src/core/existing-test.ts';
import { isTestopsError } from '../../src/core/errors.ts';
import { FIXTURES } from './compute-suites.ts';

let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'testops-optimize-cli-'));
});

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

/** Runs the command as main.ts does (exitOverride; a TestopsError or a usage error means exit 2). */
async function optimize(...args: string[]): Promise<{ code: number; stdout: string; error: unknown }> {
  const program = new Command('testops')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} });
  let code = 0;
  registerOptimizeCommand(program, (value) => (code = value));
  const writes: string[] = [];
  const stdout = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => writes.push(String(chunk)) > 0);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'testops', 'optimize', ...args]);
    return { code, stdout: writes.join(''), error: undefined };
  } catch (error) {
    const usage = error instanceof CommanderError && error.exitCode !== 0;
    return { code: usage || isTestopsError(error) ? 2 : 0, stdout: writes.join(''), error };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('testops optimize', () => {
  it('documents every flag in --help', () => {
    const program = new Command('testops');
    registerOptimizeCommand(program, () => {});
    const help = program.commands.find((command) => command.name() === 'optimize')!.helpInformation();
    for (const flag of [
      '<tests-dir>',
      '--spec',
      '--requirements',
      '--defects',
      '--model',
      '--threshold',
      '--out',
      '--json',
    ])
      expect(help).toContain(flag);
  });

  it('prints the versioned report with --json, writes it with --out, and exits 0 with findings', async () => {
    const result = await optimize(FIXTURES, '--json', '--out', out, '--threshold', '0.8');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as OptimisationReport;
    expect(report.version).toBe(1);
    expect(report.inputs.nearDuplicateThreshold).toBe(0.8);
    expect(report.summary.exactDuplicates).toBe(1);
    expect(report.summary.conflicts).toBeGreaterThan(0);
    expect(JSON.parse(await readFile(join(out, 'optimisation-report.json'), 'utf8'))).toEqual(report);
    const markdown = await readFile(join(out, 'OPTIMISATION.md'), 'utf8');
    expect(markdown).toContain('## Suggestions');
    expect(markdown).toContain('Four vCPU price (old rate card)');
  });

  it('exits 2 with a typed error for a missing folder, an unreadable defects file or a bad threshold', async () => {
    expect(await optimize(join(out, 'nowhere'))).toMatchObject({
      code: 2,
      error: { code: 'TESTOPS_SOURCE_NOT_FOUND' },
    });
    const notDefects = join(FIXTURES, 'requirements', 'compute-api.md');
    expect(await optimize(join(FIXTURES, 'manual'), '--defects', notDefects)).toMatchObject({
      code: 2,
      error: { code: 'TESTOPS_DEFECTS_INVALID' },
    });
    expect((await optimize(join(FIXTURES, 'manual'), '--threshold', '1.5')).code).toBe(2);
    // One folder only: a second one is a usage error, and nothing is printed.
    expect(await optimize(join(FIXTURES, 'manual'), join(FIXTURES, 'manual-planted'))).toMatchObject({
      code: 2,
      stdout: '',
    });
  });
});
