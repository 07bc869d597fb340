import type { Redis } from 'ioredis';
import type { ResponseCache } from '../../core/response-cache.ts';

/** A week: answers older than that are asked again (models and prices change). */
const TTL_SECONDS = 7 * 24 * 3600;

/** The model's response cache in Redis, when REDIS_URL is set: shared by every replica. */
export class RedisResponseCache implements ResponseCache {
  readonly kind = 'redis';

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(`${this.prefix}${key}`)) ?? undefined;
  }

  async set(key: string, value: string): Promise<void> {
    await this.redis.set(`${this.prefix}${key}`, value, 'EX', TTL_SECONDS);
  }
}
