import type { LlmMode } from '../../../core/model-client.ts';
import type { ModelOptions } from '../../../pipeline/model-access.ts';
import type { ExecutorContext } from '../executor.ts';

/** A job's model options as its input schema stores them (see `modelFields` in job-inputs.ts). */
export interface JobModelOptions {
  llm: LlmMode;
  cache: boolean;
  output_language?: 'en' | 'ru' | undefined;
}

/**
 * The pipeline's model options for a job: the parent's response cache when the thread has one, the
 * project's own model when it has one.
 */
export function modelOptionsFor(options: JobModelOptions, context: ExecutorContext): ModelOptions {
  return {
    llm: options.llm,
    cache: options.cache,
    ...(context.responseCache ? { responseCache: context.responseCache } : {}),
    ...(options.output_language ? { outputLanguage: options.output_language } : {}),
    // A project's base URL is a user's: its requests go through the guard as any target's do.
    ...(context.model ? { settings: context.model, connectGuard: context.guard } : {}),
  };
}
