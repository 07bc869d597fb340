import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkModel } from '../../src/llm/check-model.ts';
import { projectLlmSettings } from '../../src/llm/project-model-settings.ts';
import { guardedModelFetch } from '../../src/pipeline/model-connect.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';

// A user-chosen model base URL is called through the SSRF guard at connect time: refused before
// any byte is sent unless private targets are allowed, and then a settings mistake, not an outage.
let model: ModelServer;

beforeAll(async () => {
  model = await startModelServer({ scenario: 'success' });
});

afterAll(async () => {
  await model?.close();
});

const settings = () =>
  projectLlmSettings(
    {
      provider: 'custom',
      baseUrl: model.baseUrl,
      model: 'fixture-json-mode',
      embeddingModel: undefined,
      options: { max_retries: 0 },
    },
    'sk-guarded',
    {},
  );

describe('the guarded model fetch', () => {
  it('refuses a loopback model server when private targets are not allowed, sending nothing', async () => {
    const before = model.requests.length;
    const refused = checkModel(settings(), guardedModelFetch({ allowPrivate: false }));
    await expect(refused).rejects.toMatchObject({ code: 'TESTOPS_LLM_CONFIG_INVALID' });
    await expect(refused).rejects.toThrow(/base URL is refused/);
    expect(model.requests.length).toBe(before);
  });

  it('reaches it, streamed answer included, where private targets are allowed', async () => {
    const checked = await checkModel(settings(), guardedModelFetch({ allowPrivate: true }));
    expect(checked).toMatchObject({ model: 'fixture-json-mode', answer: expect.any(String) });
    expect(model.requests.at(-1)?.authorization).toBe('Bearer sk-guarded');
  });
});

describe("a project's model settings", () => {
  it('replace the environment entirely but keep its price table', () => {
    const env = {
      TESTOPS_LLM_API_KEY: 'sk-service',
      TESTOPS_LLM_MODEL: 'service-model',
      TESTOPS_LLM_PRICES: '{"p-model": {"inputPer1M": {"usd": 1}, "outputPer1M": {"usd": 2}}}',
    };
    const project = projectLlmSettings(
      {
        provider: 'openrouter',
        baseUrl: undefined,
        model: 'p-model',
        embeddingModel: 'e',
        options: { concurrency: 2 },
      },
      undefined,
      env,
    );
    expect(project).toMatchObject({
      provider: 'openrouter',
      baseUrl: 'https://openrouter.ai/api/v1',
      apiKey: undefined,
      model: 'p-model',
      embeddingModel: 'e',
      concurrency: 2,
      prices: { 'p-model': { inputPer1M: { usd: 1 } } },
    });
  });
});
