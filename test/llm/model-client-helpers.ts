import type { ResponseCache } from '../../src/core/response-cache.ts';
import type { ModelUsage } from '../../src/core/model-client.ts';
import { readLlmSettings } from '../../src/llm/llm-settings.ts';
import { openModelClient, type LlmClient } from '../../src/llm/open-model-client.ts';
import type { ModelServer } from '../support/model-fixture-server.ts';

/** A client of the fixture server with short timeouts; `model` picks the scenario. */
export async function fixtureClient(
  server: Pick<ModelServer, 'baseUrl'>,
  model: string,
  extra: { env?: Record<string, string>; cache?: ResponseCache; usage?: ModelUsage[] } = {},
): Promise<LlmClient> {
  const settings = readLlmSettings({
    TESTOPS_LLM_BASE_URL: server.baseUrl,
    TESTOPS_LLM_API_KEY: 'sk-fixture-secret-key',
    TESTOPS_LLM_MODEL: model,
    TESTOPS_LLM_FIRST_BYTE_TIMEOUT_MS: '1000',
    TESTOPS_LLM_TIMEOUT_MS: '10000',
    ...extra.env,
  })!;
  return openModelClient({ settings, cache: extra.cache, onUsage: (usage) => extra.usage?.push(usage) });
}
