import type { EventSink } from '../core/events.ts';
import type { LlmMode, ModelClient } from '../core/model-client.ts';
import { ModelError } from '../core/model-errors.ts';
import type { ResponseCache } from '../core/response-cache.ts';
import { MODEL_UNAVAILABLE_MESSAGE } from '../core/model-client.ts';
import { describeError } from '../core/errors.ts';
import type { LlmSettings } from '../llm/llm-settings.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';

/** What every generating entry point accepts about the model. */
export interface ModelOptions {
  /** `auto` (default): the model when TESTOPS_LLM_* configure one; `off`: never; `required`: fail without it. */
  llm?: LlmMode;
  /** `false` (`--no-cache`): every call goes to the model. */
  cache?: boolean;
  /** Where answers are cached; the CLI's on-disk cache when absent. */
  responseCache?: ResponseCache;
  /** A client given directly (tests, benchmarks): the settings are not read. */
  modelClient?: ModelClient;
  /** The language of model-written cases; the requirements' language when absent. */
  outputLanguage?: 'en' | 'ru';
  /** Another model of the configured provider than TESTOPS_LLM_MODEL (a crew agent's `llm`). */
  model?: string;
  /** Settings given directly (a service project's own model) instead of TESTOPS_LLM_*. */
  settings?: Readonly<LlmSettings>;
  /** With `settings` a user chose: every model request passes the SSRF guard at connect time. */
  connectGuard?: UrlGuardOptions;
}

/** The model of this run, or why there is none. */
export type ModelAccess =
  | { status: 'ready'; client: ModelClient }
  | { status: 'off' | 'not-configured' | 'unavailable'; client: undefined; message: string };

/**
 * The model client for this run, or why there is none to use. The AI SDK is loaded only here,
 * only when a model is configured. With `required`, a missing or failing model throws.
 */
export async function modelFor(options: ModelOptions, events: EventSink): Promise<ModelAccess> {
  const mode = options.llm ?? 'auto';
  if (mode === 'off') return { status: 'off', client: undefined, message: '--llm off' };
  if (options.modelClient) return { status: 'ready', client: options.modelClient };
  const settings = options.settings
    ? { ...options.settings, ...(options.model ? { model: options.model } : {}) }
    : (await import('../llm/llm-settings.ts')).readLlmSettings(
        options.model ? { ...process.env, TESTOPS_LLM_MODEL: options.model } : process.env,
      );
  if (!settings) {
    if (mode === 'auto')
      return {
        status: 'not-configured',
        client: undefined,
        message: 'no model configured — deterministic result',
      };
    throw new ModelError('TESTOPS_LLM_NOT_CONFIGURED', '--llm required, but no model is configured', {
      where: '--llm',
      expected: 'TESTOPS_LLM_PROVIDER or TESTOPS_LLM_BASE_URL (and TESTOPS_LLM_API_KEY, TESTOPS_LLM_MODEL)',
      hint: 'see "Model (optional)" in README.md, or use --llm auto.',
    });
  }
  const [{ openModelClient }, { DiskCache, defaultCacheDir }] = await Promise.all([
    import('../llm/open-model-client.ts'),
    import('../llm/disk-cache.ts'),
  ]);
  try {
    const client = await openModelClient({
      settings,
      cache:
        options.cache === false ? undefined : (options.responseCache ?? new DiskCache(defaultCacheDir())),
      onUsage: (usage) => events({ type: 'model-call', usage }),
      ...(options.connectGuard
        ? { connect: (await import('./model-connect.ts')).guardedModelFetch(options.connectGuard) }
        : {}),
    });
    return { status: 'ready', client };
  } catch (error) {
    if (mode === 'required') throw error;
    const message = `${MODEL_UNAVAILABLE_MESSAGE}: ${describeError(error).split('\n')[0]}`;
    events({
      type: 'model-fallback',
      capability: 'model',
      code: error instanceof ModelError ? error.code : 'TESTOPS_INTERNAL',
      message,
    });
    return { status: 'unavailable', client: undefined, message };
  }
}
