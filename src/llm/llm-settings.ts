import { z } from 'zod';
import { ModelError } from '../core/model-errors.ts';
import { CLOUDRU_IAM_TOKEN_URL, type IamCredentials } from './iam-token.ts';
import { priceTableSchema, type PriceTable } from './price-table.ts';

/** Base URLs of the providers a name stands for; any other OpenAI-compatible server goes by URL. */
export const PROVIDER_BASE_URLS = {
  cloudru: 'https://foundation-models.api.cloud.ru/v1',
  openrouter: 'https://openrouter.ai/api/v1',
  openai: 'https://api.openai.com/v1',
} as const;

export const PROVIDERS = ['cloudru', 'openrouter', 'openai', 'custom'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

const milliseconds = z.coerce.number().int().positive().max(3_600_000);

/** The environment, field by field: one schema, validated once, defaults resolved here. */
const environmentSchema = z.object({
  TESTOPS_LLM_PROVIDER: z.enum(PROVIDERS).optional(),
  TESTOPS_LLM_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  TESTOPS_LLM_API_KEY: z.string().min(1).optional(),
  TESTOPS_LLM_MODEL: z.string().min(1).optional(),
  TESTOPS_LLM_EMBEDDING_MODEL: z.string().min(1).optional(),
  /** `on` sends `response_format: json_schema`; `off` JSON mode; `auto` asks /v1/models. */
  TESTOPS_LLM_STRUCTURED_OUTPUTS: z.enum(['auto', 'on', 'off']).default('auto'),
  TESTOPS_LLM_FIRST_BYTE_TIMEOUT_MS: milliseconds.default(30_000),
  TESTOPS_LLM_TIMEOUT_MS: milliseconds.default(120_000),
  TESTOPS_LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  TESTOPS_LLM_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** JSON: `{"<model>": {"inputPer1M": {"usd": 0.1, "rub": 9}, "outputPer1M": {...}}}`. */
  TESTOPS_LLM_PRICES: z.string().optional(),
  /** Cloud.ru's older scheme: a service account's key id and secret, exchanged for tokens. */
  TESTOPS_LLM_IAM_KEY_ID: z.string().min(1).optional(),
  TESTOPS_LLM_IAM_SECRET: z.string().min(1).optional(),
  TESTOPS_LLM_IAM_TOKEN_URL: z.url({ protocol: /^https?$/ }).default(CLOUDRU_IAM_TOKEN_URL),
});

/** Every variable the model settings read; the service lists them beside its own. */
export const LLM_VARIABLES: readonly string[] = Object.freeze(Object.keys(environmentSchema.shape));

/** The model settings that are secrets: optional, a deployment without a model leaves them out. */
export const SECRET_LLM_VARIABLES: readonly string[] = Object.freeze([
  'TESTOPS_LLM_API_KEY',
  'TESTOPS_LLM_IAM_SECRET',
]);

export interface LlmSettings {
  provider: ProviderName;
  baseUrl: string;
  apiKey: string | undefined;
  /** Undefined: the first chat model `GET /models` lists is used. */
  model: string | undefined;
  embeddingModel: string | undefined;
  structuredOutputs: 'auto' | 'on' | 'off';
  firstByteTimeoutMs: number;
  totalTimeoutMs: number;
  maxRetries: number;
  concurrency: number;
  prices: PriceTable;
  /** Tokens from a key id and secret instead of an API key. */
  iam: IamCredentials | undefined;
}

/**
 * The model settings from the environment, frozen; undefined when no model is configured (no
 * provider and no base URL). Invalid values throw TESTOPS_LLM_CONFIG_INVALID naming the variable.
 */
export function readLlmSettings(env: NodeJS.ProcessEnv = process.env): Readonly<LlmSettings> | undefined {
  const present = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => name.startsWith('TESTOPS_LLM_') && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ModelError('TESTOPS_LLM_CONFIG_INVALID', issue.message, {
      where: String(issue.path[0] ?? 'TESTOPS_LLM_*'),
      hint: 'see "Model (optional)" in README.md.',
    });
  }
  const values = parsed.data;
  const provider = values.TESTOPS_LLM_PROVIDER ?? (values.TESTOPS_LLM_BASE_URL ? 'custom' : undefined);
  if (provider === undefined) return undefined;
  const baseUrl =
    values.TESTOPS_LLM_BASE_URL ?? (provider === 'custom' ? undefined : PROVIDER_BASE_URLS[provider]);
  if (baseUrl === undefined)
    throw new ModelError('TESTOPS_LLM_CONFIG_INVALID', 'a custom provider needs a base URL', {
      where: 'TESTOPS_LLM_BASE_URL',
      expected: 'the OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1',
    });
  return Object.freeze({
    provider,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    apiKey: values.TESTOPS_LLM_API_KEY,
    model: values.TESTOPS_LLM_MODEL,
    embeddingModel: values.TESTOPS_LLM_EMBEDDING_MODEL,
    structuredOutputs: values.TESTOPS_LLM_STRUCTURED_OUTPUTS,
    firstByteTimeoutMs: values.TESTOPS_LLM_FIRST_BYTE_TIMEOUT_MS,
    totalTimeoutMs: values.TESTOPS_LLM_TIMEOUT_MS,
    maxRetries: values.TESTOPS_LLM_MAX_RETRIES,
    concurrency: values.TESTOPS_LLM_CONCURRENCY,
    prices: readPrices(values.TESTOPS_LLM_PRICES),
    iam: iamOf(values),
  });
}

function iamOf(values: z.infer<typeof environmentSchema>): IamCredentials | undefined {
  const { TESTOPS_LLM_IAM_KEY_ID: keyId, TESTOPS_LLM_IAM_SECRET: secret } = values;
  if (keyId === undefined && secret === undefined) return undefined;
  if (keyId === undefined || secret === undefined)
    throw new ModelError('TESTOPS_LLM_CONFIG_INVALID', 'an IAM key needs both its id and its secret', {
      where: keyId === undefined ? 'TESTOPS_LLM_IAM_KEY_ID' : 'TESTOPS_LLM_IAM_SECRET',
      hint: 'set both, or use TESTOPS_LLM_API_KEY instead.',
    });
  return { keyId, secret, tokenUrl: values.TESTOPS_LLM_IAM_TOKEN_URL };
}

function readPrices(text: string | undefined): PriceTable {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = priceTableSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ModelError('TESTOPS_LLM_CONFIG_INVALID', 'the price table is not valid', {
    where: 'TESTOPS_LLM_PRICES',
    expected: 'JSON like {"model-id": {"inputPer1M": {"usd": 0.1, "rub": 9}, "outputPer1M": {"usd": 0.4}}}',
  });
}
