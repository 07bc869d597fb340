import { z } from 'zod';
import { describeError } from '../core/errors.ts';
import { AiSdkCompletion } from './ai-sdk-completion.ts';
import type { LlmSettings } from './llm-settings.ts';
import { openModelClient } from './open-model-client.ts';
import { generateStructured } from './structured-output.ts';

/** A capability as probed: found, not found, or the probe failed (with why). */
export type Probe = { found: boolean; detail?: string };

export interface ModelCheck {
  provider: string;
  baseUrl: string;
  model: string;
  /** The tiny call: a streamed one-word answer. */
  latencyMs: number;
  firstTokenMs: number;
  answer: string;
  capabilities: { streaming: Probe; jsonSchema: Probe; tools: Probe; embeddings: Probe };
}

/**
 * `testops llm check`: one tiny real call (streamed, so it also shows streaming works), then one
 * probe per capability. The first call failing throws; a failing probe is reported, not thrown.
 */
export async function checkModel(
  settings: Readonly<LlmSettings>,
  connect?: typeof fetch,
): Promise<ModelCheck> {
  const client = await openModelClient({ settings, ...(connect ? { connect } : {}) });
  const streamed = await client.completion.stream('Reply with the single word OK.');
  const strict = new AiSdkCompletion({
    provider: client.provider,
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    model: client.model,
    embeddingModel: settings.embeddingModel,
    supportsStructuredOutputs: true,
    // The client's fetch: the same timeouts, and the IAM token when keys are used.
    fetch: client.fetch,
  });
  const [jsonSchema, tools, embeddings] = await Promise.all([
    // Through the one way in for model output: schema mode forced on, validated like any answer.
    probe(async () => {
      const answer = await generateStructured(
        strict,
        {
          task: 'llm check',
          system: 'Answer with JSON.',
          prompt: 'Answer {"ok": true}.',
          schema: z.object({ ok: z.boolean() }),
          schemaName: 'check',
          maxOutputTokens: 20,
        },
        { capabilities: { supportsStructuredOutputs: true } },
      );
      return answer.value.ok;
    }),
    probe(() => client.completion.callsTools()),
    settings.embeddingModel
      ? probe(async () => (await client.completion.embed(['ping']))[0]!.length > 0)
      : Promise.resolve({ found: false, detail: 'TESTOPS_LLM_EMBEDDING_MODEL is not set' }),
  ]);
  return {
    provider: settings.provider,
    baseUrl: settings.baseUrl,
    model: client.model,
    latencyMs: streamed.latencyMs,
    firstTokenMs: streamed.firstTokenMs,
    answer: streamed.text.trim().slice(0, 80),
    capabilities: { streaming: { found: streamed.firstTokenMs >= 0 }, jsonSchema, tools, embeddings },
  };
}

async function probe(check: () => Promise<boolean>): Promise<Probe> {
  try {
    return { found: await check() };
  } catch (error) {
    return { found: false, detail: describeError(error).split('\n')[0] };
  }
}
