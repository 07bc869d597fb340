import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';

// The CLI end to end with the model: real processes, real HTTP to a local OpenAI-compatible
// server answering from recorded fixtures (no real model is reachable from tests).
const run = promisify(execFile);
const REQUIREMENTS = 'test/fixtures/requirements/price-calculator.md';
let server: ModelServer;
let root: string;

beforeAll(async () => {
  server = await startModelServer();
  root = await mkdtemp(join(tmpdir(), 'llm-cli-'));
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

async function testops(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/testops.js', ...args], {
      env: { ...process.env, TESTOPS_LLM_CACHE_DIR: join(root, 'cache'), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

const model = (name: string) => ({
  TESTOPS_LLM_BASE_URL: server.baseUrl,
  TESTOPS_LLM_API_KEY: 'sk-cli-secret',
  TESTOPS_LLM_MODEL: name,
  TESTOPS_LLM_EMBEDDING_MODEL: 'fixture-embedding',
});

async function tree(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true })).filter((name) => /\.\w+$/.test(name)).sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')])),
  );
}

describe('testops with a model', () => {
  it('llm check prints the model, its latency and the capabilities found', async () => {
    server.scenario = 'garbage';
    const { code, stdout } = await testops(model('fixture-chat'), 'llm', 'check');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Model\s+fixture-chat \(custom, http:\/\/127\.0\.0\.1:\d+\/v1\)/);
    expect(stdout).toMatch(/Latency\s+\d+ ms, first token after \d+ ms/);
    expect(stdout).toMatch(/Streaming\s+yes/);
    expect(stdout).toMatch(/Tools\s+yes/);
    // The fixture answers prose here: the JSON-schema probe reports what went wrong.
    expect(stdout).toMatch(/JSON schema\s+no \(.*does not match its schema/);
    expect(stdout).toMatch(/Embeddings\s+yes/);
    expect(stdout).not.toContain('sk-cli-secret');
  });

  it('generate cases gives more cases with the model, and they pass testops check with 0 errors', async () => {
    server.scenario = undefined;
    const off = await testops(
      {},
      'generate',
      'cases',
      '--requirements',
      REQUIREMENTS,
      '--llm',
      'off',
      '--out',
      join(root, 'off'),
      '--json',
    );
    const on = await testops(
      model('success'),
      'generate',
      'cases',
      '--requirements',
      REQUIREMENTS,
      '--out',
      join(root, 'on'),
      '--json',
    );
    expect(on.code).toBe(0);
    const casesOff = (JSON.parse(off.stdout) as { cases: number }).cases;
    const summary = JSON.parse(on.stdout) as { cases: number; model: { status: string; delivered: number } };
    expect(summary.cases).toBeGreaterThan(casesOff);
    expect(summary.model).toMatchObject({ status: 'used', delivered: summary.cases - casesOff });
    const check = await testops({}, 'check', join(root, 'on'), '--format', 'json');
    expect((JSON.parse(check.stdout) as { summary: { errors: number } }).summary.errors).toBe(0);
    const written = Object.values(await tree(join(root, 'on'))).join('\n');
    expect(written).not.toContain('sk-cli-secret');
  });

  it('a model answering garbage to every call leaves the output identical to --llm off', async () => {
    server.scenario = undefined;
    await testops(
      {},
      'generate',
      'cases',
      '--requirements',
      REQUIREMENTS,
      '--llm',
      'off',
      '--out',
      join(root, 'plain'),
    );
    const garbage = await testops(
      model('garbage'),
      'generate',
      'cases',
      '--requirements',
      REQUIREMENTS,
      '--no-cache',
      '--out',
      join(root, 'garbage'),
    );
    expect(garbage.code).toBe(0);
    expect(garbage.stderr).toContain('model unavailable — deterministic result');
    expect(garbage.stdout).toContain('model unavailable — deterministic result');
    expect(await tree(join(root, 'garbage'))).toEqual(await tree(join(root, 'plain')));
  });

  it('--llm required without a model fails with a clear error', async () => {
    const { code, stderr } = await testops(
      {},
      'generate',
      'cases',
      '--requirements',
      REQUIREMENTS,
      '--llm',
      'required',
      '--out',
      join(root, 'required'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('TESTOPS_LLM_NOT_CONFIGURED');
  });
});
