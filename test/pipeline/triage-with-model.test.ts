import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { triageReport } from '../../src/pipeline/triage.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';

// The model refines the rules' classes over the real provider code and real HTTP, against the
// local OpenAI-compatible fixture server; the run is the recorded real UI run.
let server: ModelServer;
let text: string;
beforeAll(async () => {
  server = await startModelServer();
  text = await readFile('test/fixtures/triage/ui-playwright.json', 'utf8');
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  for (const name of Object.keys(process.env)) if (name.startsWith('TESTOPS_LLM_')) delete process.env[name];
});

function useModel(scenario: string): void {
  server.scenario = scenario;
  Object.assign(process.env, {
    TESTOPS_LLM_BASE_URL: server.baseUrl,
    TESTOPS_LLM_API_KEY: 'sk-never-in-output',
    TESTOPS_LLM_MODEL: 'fixture-json-mode',
    TESTOPS_LLM_EMBEDDING_MODEL: 'fixture-embed',
    TESTOPS_LLM_MAX_RETRIES: '0',
  });
}

const triage = (llm: 'auto' | 'required' | 'off' = 'auto') =>
  triageReport({ input: { name: 'ui.json', text }, llm, cache: false });

describe('triage with a model', () => {
  it('takes the classes the model changes, with its reason beside the rules', async () => {
    useModel('triage-refined');
    const result = await triage();
    expect(result.model.status).toBe('used');
    expect(result.embedding).toBe('provider');
    const byId = new Map(result.clusters.map((cluster) => [cluster.id, cluster]));
    expect(byId.get('99a9e269793e16c1')).toMatchObject({
      class: 'product-defect',
      decidedBy: 'model',
      nextAction: 'open-defect',
      reasons: [
        'rules said flaky: passed 1 of 2 attempts: the same code gave different results',
        'model: The page shows its title only after a race that users hit too.',
      ],
    });
    expect(byId.get('662696b2b8c1d9bb')).toMatchObject({ class: 'test-defect', decidedBy: 'model' });
    // Not reviewed by the model (it named an id it was not given instead): the rules' class stays.
    expect(byId.get('a767a6ae154ad70a')).toMatchObject({ class: 'test-defect', decidedBy: 'rules' });
    expect(result.clusters).toHaveLength(3);
    expect(JSON.stringify(result)).not.toContain('sk-never-in-output');
  });

  it('keeps the rules’ result when the model fails, and says so', async () => {
    useModel('server-error');
    const result = await triage();
    expect(result.model).toMatchObject({ status: 'unavailable' });
    expect(result.model.message).toMatch(/^model unavailable — deterministic result/);
    expect(result.clusters.map((cluster) => cluster.decidedBy)).toEqual(['rules', 'rules', 'rules']);
  });

  it('does not call the model with --llm off, and fails with --llm required and none configured', async () => {
    useModel('triage-refined');
    const before = server.requests.length;
    expect((await triage('off')).model).toEqual({ status: 'off', message: '--llm off' });
    expect(server.requests.length).toBe(before);
    for (const name of Object.keys(process.env))
      if (name.startsWith('TESTOPS_LLM_')) delete process.env[name];
    await expect(triage('required')).rejects.toMatchObject({ code: 'TESTOPS_LLM_NOT_CONFIGURED' });
  });
});
