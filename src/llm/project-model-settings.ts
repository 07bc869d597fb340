import { z } from 'zod';
import type { PROVIDERS } from './llm-settings.ts';
import { readLlmSettings, type LlmSettings } from './llm-settings.ts';

/** The options a project may set for its model: the TESTOPS_LLM_* tuning variables, by field. */
export const projectModelOptionsSchema = z
  .object({
    structured_outputs: z.enum(['auto', 'on', 'off']),
    first_byte_timeout_ms: z.number().int().positive().max(3_600_000),
    timeout_ms: z.number().int().positive().max(3_600_000),
    max_retries: z.number().int().min(0).max(10),
    concurrency: z.number().int().min(1).max(64),
  })
  .partial()
  .strict();

export type ProjectModelOptions = z.infer<typeof projectModelOptionsSchema>;

/** A project's model as stored (the key apart): a provider name, or `custom` with its base URL. */
export interface ProjectModel {
  provider: (typeof PROVIDERS)[number];
  baseUrl: string | undefined;
  model: string | undefined;
  embeddingModel: string | undefined;
  options: ProjectModelOptions;
}

const VARIABLES: Record<keyof ProjectModelOptions, string> = {
  structured_outputs: 'TESTOPS_LLM_STRUCTURED_OUTPUTS',
  first_byte_timeout_ms: 'TESTOPS_LLM_FIRST_BYTE_TIMEOUT_MS',
  timeout_ms: 'TESTOPS_LLM_TIMEOUT_MS',
  max_retries: 'TESTOPS_LLM_MAX_RETRIES',
  concurrency: 'TESTOPS_LLM_CONCURRENCY',
};

/**
 * The settings a project's jobs use: the project's model replaces the environment's entirely (the
 * service's key never goes to a base URL a project chose); only the price table is the service's.
 */
export function projectLlmSettings(
  project: ProjectModel,
  apiKey: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Readonly<LlmSettings> {
  const variables: Record<string, string | undefined> = {
    TESTOPS_LLM_PROVIDER: project.provider,
    TESTOPS_LLM_BASE_URL: project.baseUrl,
    TESTOPS_LLM_API_KEY: apiKey,
    TESTOPS_LLM_MODEL: project.model,
    TESTOPS_LLM_EMBEDDING_MODEL: project.embeddingModel,
    TESTOPS_LLM_PRICES: env['TESTOPS_LLM_PRICES'],
  };
  for (const [field, name] of Object.entries(VARIABLES))
    variables[name] = stringOf(project.options[field as keyof ProjectModelOptions]);
  const defined = Object.fromEntries(Object.entries(variables).filter(([, value]) => value !== undefined));
  // Validated when stored: a provider, or a base URL, is always there.
  return readLlmSettings(defined)!;
}

function stringOf(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}
