import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startComputeApi, type ComputeApiServer } from '../../examples/compute-api/server.ts';
import type { PipelineEvent } from '../../src/core/events.ts';
import type { RunReport } from '../../src/core/run-report.ts';
import { generateApi, type GenerateApiOptions } from '../../src/pipeline/generate-api.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';
import { FIXTURE_API_KEY, forgetModelSettings, useFixtureModel } from '../support/model-environment.ts';

// API test data from a model: the real provider code over real HTTP to the local fixture server,
// the suite verified against the compute API demo.
const SPEC = 'examples/compute-api/openapi.yaml';
const DISKS = ['POST /api/v1/disks', 'GET /api/v1/disks/{disk_id}'];
let server: ModelServer;
let api: ComputeApiServer;
let root: string;

beforeAll(async () => {
  server = await startModelServer();
  api = await startComputeApi({ fault: null });
  root = await mkdtemp(join(tmpdir(), 'llm-api-values-'));
});
afterAll(async () => {
  await server.close();
  await api.close();
  await rm(root, { recursive: true, force: true });
});
afterEach(forgetModelSettings);

const useModel = (scenario: string) => useFixtureModel(server, scenario);

async function generate(name: string, options: Partial<GenerateApiOptions> = {}) {
  const events: PipelineEvent[] = [];
  const outDir = join(root, name);
  const report = await generateApi({
    spec: SPEC,
    outDir,
    format: 'playwright-ts',
    baseUrl: api.url,
    headers: [`Authorization: Bearer ${api.token}`],
    variables: { project_id: api.projectId },
    cache: false,
    events: (event) => events.push(event),
    ...options,
  });
  return { report, events, outDir };
}

async function suiteFiles(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true }))
    .filter((name) => /\.(ts|json|md)$/.test(name) && !name.includes('node_modules'))
    .filter((name) => !/testops-report\.json|REPORT\.md/.test(name))
    .sort();
  // The moment of generation differs between any two runs.
  const read = async (name: string) =>
    (await readFile(join(dir, name), 'utf8')).replace(/"generatedAt": "[^"]+"/g, '"generatedAt": "…"');
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await read(name)])));
}

describe('generate api with model test data', () => {
  it('--llm off writes a model section saying so', async () => {
    const { report } = await generate('off', { llm: 'off' });
    expect(report.model).toMatchObject({ mode: 'off', status: 'off', capabilities: [], fallbacks: [] });
  });

  it('a model answering garbage leaves the suite identical to --llm off, and says so', async () => {
    const off = await generate('plain', { llm: 'off' });
    useModel('garbage');
    const garbage = await generate('garbage');
    expect(await suiteFiles(garbage.outDir)).toEqual(await suiteFiles(off.outDir));
    expect(garbage.report.model).toMatchObject({ mode: 'auto', status: 'unavailable' });
    expect(garbage.report.model!.fallbacks[0]).toContain('model unavailable — deterministic result');
    expect(garbage.events.some((event) => event.type === 'model-fallback')).toBe(true);
    const written = JSON.parse(
      await readFile(join(garbage.outDir, 'testops-report.json'), 'utf8'),
    ) as RunReport;
    expect(written.model?.status).toBe('unavailable');
    expect(written.model?.usage?.calls).toBeGreaterThan(0);
  });

  it('uses only values valid for their schema, and the suite still passes N/N on the target', async () => {
    useModel('api-values');
    const { report, outDir, events } = await generate('values', { only: DISKS, run: true, repeat: 2 });
    const assist = report.model!.capabilities[0]!;
    expect(assist).toMatchObject({ capability: 'api → test data', status: 'used', proposed: 5, rejected: 4 });
    // 50 GB fits the disk's bounds; 100000 GB, a power state outside the enum, an unknown field and
    // operations outside --only do not.
    expect(assist.delivered).toBe(1);
    const rejected = events.flatMap((event) =>
      event.type === 'log' && event.message.startsWith('model value rejected') ? [event.message] : [],
    );
    expect(rejected.join('\n')).toMatch(/100000 breaks the schema of size/);
    expect(rejected.join('\n')).toMatch(/zone: names a field/);
    const tests = Object.entries(await suiteFiles(outDir))
      .filter(([name]) => name.endsWith('.spec.ts'))
      .map(([, text]) => text)
      .join('\n');
    expect(tests).toMatch(/size: 50\b/);
    expect(tests).not.toContain('100000');
    expect(report.tests.failed).toBe(0);
    expect(report.tests.delivered).toBe(report.tests.generated);
    expect(JSON.stringify(report)).not.toContain(FIXTURE_API_KEY);
  }, 240_000);
});
