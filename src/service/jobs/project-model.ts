import type { LlmSettings } from '../../llm/llm-settings.ts';
import { projectLlmSettings, type ProjectModel } from '../../llm/project-model-settings.ts';
import type { Stores } from '../store/stores.ts';

/** The project secret holding its model's API key; user secret names cannot spell it (no ':'). */
export const MODEL_API_KEY_SECRET = 'model:api-key';

/** A stored project model in the shape the model layer reads. */
export function projectModelOf(record: {
  provider: string;
  baseUrl: string | undefined;
  model: string | undefined;
  embeddingModel: string | undefined;
  options: Record<string, unknown>;
}): ProjectModel {
  return {
    provider: record.provider as ProjectModel['provider'],
    baseUrl: record.baseUrl,
    model: record.model,
    embeddingModel: record.embeddingModel,
    options: record.options as ProjectModel['options'],
  };
}

/**
 * The model settings a project's jobs use instead of the environment's, key included; undefined
 * when the project has none of its own.
 */
export async function readProjectModel(
  stores: Pick<Stores, 'projectModels' | 'secrets'>,
  projectId: string,
): Promise<Readonly<LlmSettings> | undefined> {
  const record = await stores.projectModels.get(projectId);
  if (!record) return undefined;
  const apiKey = await stores.secrets.get(projectId, MODEL_API_KEY_SECRET);
  return projectLlmSettings(projectModelOf(record), apiKey);
}
