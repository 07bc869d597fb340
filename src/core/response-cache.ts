/**
 * Where model answers are kept, keyed by a hash of provider, model, prompt, schema and
 * parameters: on disk or in memory for the CLI, in the database or Redis for the service.
 * A cache that fails is skipped, never fatal.
 */
export interface ResponseCache {
  readonly kind: string;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}
