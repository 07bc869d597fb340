import { eq, sql } from 'drizzle-orm';
import type { ResponseCache } from '../../core/response-cache.ts';
import type { Database } from './database.ts';
import { llmResponseCache } from './schema.ts';

/** The model's response cache in the service's database (PGlite embedded, or PostgreSQL). */
export class LlmCacheRepository implements ResponseCache {
  readonly kind = 'database';

  constructor(private readonly db: Database) {}

  async get(key: string): Promise<string | undefined> {
    const rows = await this.db
      .update(llmResponseCache)
      .set({ hits: sql`${llmResponseCache.hits} + 1`, lastHitAt: sql`now()` })
      .where(eq(llmResponseCache.key, key))
      .returning({ value: llmResponseCache.value });
    return rows[0]?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insert(llmResponseCache)
      .values({ key, value })
      .onConflictDoUpdate({ target: llmResponseCache.key, set: { value } });
  }
}
