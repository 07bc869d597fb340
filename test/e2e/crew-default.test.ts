import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startComputeApi, type ComputeApiServer } from '../../examples/compute-api/server.ts';
import type { CrewResult } from '../../src/crews/crew-runner.ts';

// The shipped crew through the real CLI, with no model: every task runs its engine tool, and the
// Generator delivers an API suite verified against the bundled compute demo (one operation, to
// stay fast). The target's token is given as a header and must show nowhere in the output.
let api: ComputeApiServer;
let out: string;
let run: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  api = await startComputeApi({ fault: null });
  out = await mkdtemp(join(tmpdir(), 'crew-default-'));
  const args = [
    'bin/testops.js',
    'crew',
    'run',
    'default',
    '--llm',
    'off',
    '--json',
    '--out',
    out,
    '--input',
    'spec=examples/compute-api/openapi.yaml',
    '--input',
    `base_url=${api.url}`,
    '--input',
    `variables=project_id=${api.projectId}`,
    '--input',
    'only=GET /api/v1/flavors',
    '--input',
    'learn=false',
    '--header',
    `Authorization: Bearer ${api.token}`,
  ];
  run = await new Promise((resolve) => {
    execFile(process.execPath, args, { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}, 300_000);

afterAll(async () => {
  await api?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('testops crew run default --llm off', () => {
  it('runs all five agents’ tasks with their tools, in order', () => {
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as CrewResult;
    expect(result.tasks.map((task) => [task.task, task.agent, task.mode])).toEqual([
      ['reconnaissance', 'reconnaissance', 'tool'],
      ['generate', 'generator', 'tool'],
      ['validate', 'validator', 'tool'],
      ['optimize', 'optimizer', 'tool'],
      ['plan', 'planner', 'tool'],
    ]);
    expect(run.stderr).toMatch(/generate · generator: tool-call generate_api/);
  });

  it('delivers a suite verified against the demo, checked, optimised and planned', async () => {
    const result = JSON.parse(run.stdout) as CrewResult;
    const generated = result.tasks[1]!.output as {
      suite_dir: string;
      executed: boolean;
      tests: Record<string, number>;
    };
    expect(generated.executed).toBe(true);
    expect(generated.tests['generated']).toBeGreaterThan(5);
    expect(generated.tests['delivered']).toBe(generated.tests['generated']);
    expect(generated.tests['failed']).toBe(0);
    expect(result.tasks[2]!.output).toMatchObject({ errors: 0 });
    expect(result.tasks[3]!.output).toMatchObject({ tests: generated.tests['generated'] });
    const plan = (result.tasks[4]!.output as { plan_file: string }).plan_file;
    expect(await readFile(resolve(plan), 'utf8')).toMatch(/^# /);
    expect(
      JSON.parse(await readFile(resolve(generated.suite_dir, 'testops-report.json'), 'utf8')),
    ).toMatchObject({
      executed: true,
    });
  });

  it('keeps the target’s token out of its output', () => {
    expect(run.stdout).not.toContain(api.token);
    expect(run.stderr).not.toContain(api.token);
  });
});
