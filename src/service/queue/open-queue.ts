import { MemoryEventBus, type EventBus } from '../jobs/event-bus.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { JobStore } from '../jobs/job-store.ts';
import { InProcessQueue } from './in-process-queue.ts';
import type { QueueLogger } from './queue-logger.ts';

/**
 * The queue the configuration asks for: in this process when there is no Redis (embedded
 * mode), BullMQ otherwise. Both reconcile with the store, which stays the source of truth.
 */
export async function openQueue(options: {
  redisUrl?: string;
  /** Redis key prefix: installations (or test runs) sharing one Redis stay apart. */
  prefix?: string;
  store: JobStore;
  logger?: QueueLogger;
}): Promise<JobQueue> {
  const logger = options.logger ? { logger: options.logger } : {};
  if (!options.redisUrl) return new InProcessQueue(options.store, logger);
  // BullMQ and ioredis are loaded only in distributed mode.
  const { BullmqQueue } = await import('./bullmq-queue.ts');
  return new BullmqQueue({
    redisUrl: options.redisUrl,
    store: options.store,
    ...(options.prefix ? { prefix: options.prefix } : {}),
    ...logger,
  });
}

/** Live job events: in memory within one process, Redis pub/sub when workers run elsewhere. */
export async function openEventBus(options: {
  redisUrl?: string;
  prefix?: string;
  logger?: QueueLogger;
}): Promise<EventBus> {
  if (!options.redisUrl) return new MemoryEventBus();
  const { RedisEventBus } = await import('./redis-event-bus.ts');
  return new RedisEventBus({
    redisUrl: options.redisUrl,
    ...(options.prefix ? { prefix: options.prefix } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
