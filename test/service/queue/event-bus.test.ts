import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryEventBus } from '../../../src/service/jobs/event-bus.ts';
import { decodeJobEvent, encodeJobEvent } from '../../../src/service/queue/job-event-codec.ts';
import { RedisEventBus } from '../../../src/service/queue/redis-event-bus.ts';
import { TEST_REDIS_URL, deleteRedisKeys, uniqueRedisPrefix } from '../support/redis-keys.ts';
import { waitFor } from '../support/wait-for.ts';
import { describeEventBusContract, logEvent } from './event-bus-contract.ts';

describeEventBusContract('memory', async () => {
  const bus = new MemoryEventBus();
  return { publisher: bus, subscriber: bus, dispose: () => bus.close() };
});

describeEventBusContract('redis', async () => {
  const prefix = uniqueRedisPrefix('events');
  // Two instances with their own connections: a worker process publishes, the server listens.
  const publisher = new RedisEventBus({ redisUrl: TEST_REDIS_URL, prefix });
  const subscriber = new RedisEventBus({ redisUrl: TEST_REDIS_URL, prefix });
  return {
    publisher,
    subscriber,
    async dispose() {
      await publisher.close();
      await subscriber.close();
      await deleteRedisKeys(prefix);
    },
  };
});

describe('RedisEventBus', () => {
  const closing: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    for (const resource of closing.splice(0)) await resource.close();
  });

  it('subscribes to Redis once per job however many listeners, and leaves with the last', async () => {
    const prefix = uniqueRedisPrefix('events');
    const bus = new RedisEventBus({ redisUrl: TEST_REDIS_URL, prefix });
    const admin = new Redis(TEST_REDIS_URL);
    closing.push(bus, { close: () => admin.quit() });
    const channel = `${prefix}:job-events:job-a`;
    const subscribers = async () => ((await admin.pubsub('NUMSUB', channel)) as [string, number])[1];
    const unsubscribes = await Promise.all(
      Array.from({ length: 1000 }, () => bus.subscribe('job-a', () => undefined)),
    );
    expect(await subscribers()).toBe(1);
    await Promise.all(unsubscribes.slice(1).map((unsubscribe) => unsubscribe()));
    expect(await subscribers()).toBe(1);
    await unsubscribes[0]!();
    await waitFor(async () => (await subscribers()) === 0, 'Redis to drop the subscription');
  });

  it('keeps delivering to other listeners when one throws', async () => {
    const bus = new RedisEventBus({
      redisUrl: TEST_REDIS_URL,
      prefix: uniqueRedisPrefix('events'),
      logger: () => undefined,
    });
    closing.push(bus);
    const received: number[] = [];
    await bus.subscribe('job-a', () => {
      throw new Error('a closed SSE stream');
    });
    await bus.subscribe('job-a', (event) => received.push(event.seq));
    await bus.publish(logEvent('job-a', 1));
    await waitFor(() => received.length === 1, 'the event');
    expect(received).toEqual([1]);
  });

  it('revives dates only where there were dates', () => {
    const event = {
      ...logEvent('job-a', 1),
      event: { type: 'log' as const, level: 'info' as const, message: '2026-01-01T00:00:00.000Z' },
    };
    const decoded = decodeJobEvent(encodeJobEvent(event));
    expect(decoded).toEqual(event);
    expect(decoded.at).toBeInstanceOf(Date);
    expect(typeof (decoded.event as { message: string }).message).toBe('string');
  });

  it('closes cleanly when it only published (no subscriber connection was opened)', async () => {
    const prefix = uniqueRedisPrefix('events');
    const bus = new RedisEventBus({ redisUrl: TEST_REDIS_URL, prefix });
    await bus.publish(logEvent('job-a', 1));
    await bus.close();
    await deleteRedisKeys(prefix);
  });
});
