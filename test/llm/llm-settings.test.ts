import { describe, expect, it } from 'vitest';
import type { ModelError } from '../../src/core/model-errors.ts';
import { readLlmSettings } from '../../src/llm/llm-settings.ts';
import { costOf } from '../../src/llm/price-table.ts';

describe('model settings from the environment', () => {
  it('means no model when neither a provider nor a base URL is given', () => {
    expect(readLlmSettings({ TESTOPS_LLM_API_KEY: 'sk-x', TESTOPS_LLM_MODEL: 'm' })).toBeUndefined();
  });

  it('fills the base URL from a provider name', () => {
    expect(readLlmSettings({ TESTOPS_LLM_PROVIDER: 'cloudru' })).toMatchObject({
      provider: 'cloudru',
      baseUrl: 'https://foundation-models.api.cloud.ru/v1',
      structuredOutputs: 'auto',
      maxRetries: 2,
    });
    expect(readLlmSettings({ TESTOPS_LLM_PROVIDER: 'openrouter' })?.baseUrl).toBe(
      'https://openrouter.ai/api/v1',
    );
    expect(readLlmSettings({ TESTOPS_LLM_PROVIDER: 'openai' })?.baseUrl).toBe('https://api.openai.com/v1');
  });

  it('takes any OpenAI-compatible base URL as a custom provider, without its trailing slash', () => {
    const settings = readLlmSettings({
      TESTOPS_LLM_BASE_URL: 'http://127.0.0.1:8000/v1/',
      TESTOPS_LLM_MODEL: 'qwen',
    });
    expect(settings).toMatchObject({
      provider: 'custom',
      baseUrl: 'http://127.0.0.1:8000/v1',
      model: 'qwen',
    });
    expect(Object.isFrozen(settings)).toBe(true);
  });

  it('names the variable that is wrong, and how to fix it', () => {
    const wrong = (env: Record<string, string>) => {
      try {
        readLlmSettings(env);
      } catch (error) {
        return error as ModelError;
      }
      throw new Error('expected an error');
    };
    const provider = wrong({ TESTOPS_LLM_PROVIDER: 'gigachat' });
    expect(provider.code).toBe('TESTOPS_LLM_CONFIG_INVALID');
    expect(provider.message).toMatch(/^TESTOPS_LLM_PROVIDER: Invalid option/);
    expect(wrong({ TESTOPS_LLM_PROVIDER: 'custom' }).message).toContain(
      'TESTOPS_LLM_BASE_URL: a custom provider needs a base URL',
    );
    expect(wrong({ TESTOPS_LLM_BASE_URL: 'ftp://models' }).where).toBe('TESTOPS_LLM_BASE_URL');
    expect(wrong({ TESTOPS_LLM_PROVIDER: 'openai', TESTOPS_LLM_TIMEOUT_MS: '-1' }).where).toBe(
      'TESTOPS_LLM_TIMEOUT_MS',
    );
    expect(wrong({ TESTOPS_LLM_PROVIDER: 'openai', TESTOPS_LLM_PRICES: '{"m": 1}' }).message).toContain(
      'TESTOPS_LLM_PRICES',
    );
  });

  it('prices calls per million tokens in each currency the table has', () => {
    const table = {
      m: { inputPer1M: { usd: 1, rub: 100 }, outputPer1M: { usd: 4 }, cachedInputPer1M: { usd: 0.5 } },
    };
    const cost = costOf(table, 'm', {
      inputTokens: 1_000_000,
      cachedInputTokens: 200_000,
      outputTokens: 500_000,
    });
    expect(cost.usd).toBeCloseTo(0.8 + 0.1 + 2);
    expect(cost.rub).toBeUndefined();
    expect(costOf(table, 'other', { inputTokens: 1, cachedInputTokens: 0, outputTokens: 1 })).toEqual({
      usd: undefined,
      rub: undefined,
    });
  });
});
