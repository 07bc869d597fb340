import type { ResponseCache } from '../core/response-cache.ts';

/** In memory, oldest entry out first past `maxEntries`: for tests, benchmarks and short runs. */
export class MemoryCache implements ResponseCache {
  readonly kind = 'memory';
  private readonly entries = new Map<string, string>();

  constructor(private readonly maxEntries = 1_000) {}

  async get(key: string): Promise<string | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
