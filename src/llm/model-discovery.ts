import { z } from 'zod';
import { ModelError } from '../core/model-errors.ts';
import type { LlmSettings } from './llm-settings.ts';

const modelListSchema = z.object({
  data: z.array(
    z.looseObject({
      id: z.string(),
      /** OpenRouter lists what each model accepts (`structured_outputs`, `tools`, …). */
      supported_parameters: z.array(z.string()).optional(),
    }),
  ),
});

export type ListedModel = z.infer<typeof modelListSchema>['data'][number];

/** `GET <base>/models`: the models this key may use, rather than a hard-coded list. */
export async function listModels(
  settings: Pick<LlmSettings, 'baseUrl' | 'apiKey'>,
  fetcher: typeof fetch,
): Promise<ListedModel[]> {
  const response = await fetcher(`${settings.baseUrl}/models`, {
    headers: settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {},
  });
  const where = `GET ${settings.baseUrl}/models`;
  if (!response.ok)
    throw new ModelError('TESTOPS_LLM_UNAVAILABLE', `the model list answered ${response.status}`, {
      where,
      status: response.status,
      hint: response.status === 401 ? 'check TESTOPS_LLM_API_KEY.' : undefined,
    });
  const parsed = modelListSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success)
    throw new ModelError('TESTOPS_LLM_UNAVAILABLE', 'the model list is not an OpenAI-style {data: [{id}]}', {
      where,
    });
  return parsed.data.data;
}

/** Embedding models are listed beside chat models; their ids say what they are. */
export function isEmbeddingModel(id: string): boolean {
  return /embed/i.test(id);
}
