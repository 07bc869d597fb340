import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { RedisResponseCache } from '../../../src/service/queue/redis-response-cache.ts';
import { openStores, openStoresWithDatabase } from '../../../src/service/store/open-stores.ts';
import type { Stores } from '../../../src/service/store/stores.ts';
import { describeResponseCacheContract } from '../../support/response-cache-contract.ts';
import { createTestDatabase, tempDataDir } from '../support/databases.ts';
import { TEST_REDIS_URL, deleteRedisKeys, uniqueRedisPrefix } from '../support/redis-keys.ts';

// The service's response caches: the database (PGlite and PostgreSQL, one migration) and Redis.
const secretKey = randomBytes(32).toString('base64');
const dataDir = await tempDataDir();
const database = await createTestDatabase('testops_llm_cache');
const opened: Stores[] = [];
const prefix = uniqueRedisPrefix('llm-cache');
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });

afterAll(async () => {
  for (const stores of opened) await stores.close();
  await database.drop();
  await dataDir.remove();
  await deleteRedisKeys(prefix);
  await redis.quit();
});

/** Opened once, on the first test that asks, and closed after all. */
function once(open: () => Promise<Stores>): () => Promise<Stores> {
  let stores: Promise<Stores> | undefined;
  return () =>
    (stores ??= open().then((opening) => {
      opened.push(opening);
      return opening;
    }));
}

const pglite = once(() => openStores({ dataDir: dataDir.path, secretKey }));
const postgres = once(
  async () =>
    (await openStoresWithDatabase({ databaseUrl: database.url, dataDir: dataDir.path, secretKey })).stores,
);
describeResponseCacheContract('PGlite', async () => (await pglite()).llmCache);
describeResponseCacheContract('PostgreSQL', async () => (await postgres()).llmCache);

describeResponseCacheContract('Redis', () => new RedisResponseCache(redis, `${prefix}:`));
