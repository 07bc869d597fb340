import { Redis } from 'ioredis';
import type { QueueLogger } from './queue-logger.ts';

/**
 * An ioredis connection for the queue and the event bus. `maxRetriesPerRequest: null` is what
 * BullMQ requires (a worker waits out a Redis restart instead of failing every command); the
 * error listener is required too: without one, ioredis prints every reconnect attempt.
 */
export function connectRedis(url: string, name: string, logger: QueueLogger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, connectionName: name });
  redis.on('error', (error) => logger('warn', `Redis connection ${name}: ${error.message}`));
  return redis;
}

/** Quits politely; a connection that never came up is dropped (QUIT would wait for it). */
export async function quitRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  await redis.quit().catch(() => redis.disconnect());
}

/** For /ready: a Redis that does not answer within the time is not ready. */
export async function pingRedis(redis: Redis, timeoutMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not answer PING within ${timeoutMs} ms.`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([redis.ping(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
