import { describe, expect, it } from 'vitest';
import { MemoryEventBus } from '../../../src/service/jobs/event-bus.ts';
import type { JobStore } from '../../../src/service/jobs/job-store.ts';
import { BullmqQueue } from '../../../src/service/queue/bullmq-queue.ts';
import { InProcessQueue } from '../../../src/service/queue/in-process-queue.ts';
import { openEventBus, openQueue } from '../../../src/service/queue/open-queue.ts';
import { RedisEventBus } from '../../../src/service/queue/redis-event-bus.ts';
import { TEST_REDIS_URL } from '../support/redis-keys.ts';

// Neither adapter touches the store before a worker starts; choosing one needs no database.
const store = {} as JobStore;

describe('openQueue and openEventBus', () => {
  it('run jobs and events in the process without Redis', async () => {
    const queue = await openQueue({ store });
    const bus = await openEventBus({});
    expect(queue).toBeInstanceOf(InProcessQueue);
    expect(queue.kind).toBe('in-process');
    expect(bus).toBeInstanceOf(MemoryEventBus);
    await queue.close();
    await bus.close();
  });

  it('use BullMQ and Redis pub/sub with a Redis URL', async () => {
    const queue = await openQueue({ store, redisUrl: TEST_REDIS_URL });
    const bus = await openEventBus({ redisUrl: TEST_REDIS_URL });
    expect(queue).toBeInstanceOf(BullmqQueue);
    expect(queue.kind).toBe('bullmq');
    expect(bus).toBeInstanceOf(RedisEventBus);
    await queue.ping();
    await queue.close();
    await bus.close();
  });
});
