import type { Redis } from 'ioredis';
import type { EventBus, JobEventListener } from '../jobs/event-bus.ts';
import type { StoredJobEvent } from '../jobs/job.ts';
import { decodeJobEvent, encodeJobEvent } from './job-event-codec.ts';
import { stderrQueueLogger, type QueueLogger } from './queue-logger.ts';
import { connectRedis, quitRedis } from './redis-connection.ts';

export interface RedisEventBusOptions {
  redisUrl: string;
  /** Channel prefix (tests use a unique one). */
  prefix?: string;
  logger?: QueueLogger;
}

interface Channel {
  listeners: Set<JobEventListener>;
  /** Settles when Redis confirmed SUBSCRIBE: events published after `subscribe()` resolves arrive. */
  subscribed: Promise<unknown>;
}

/**
 * Job events across processes on Redis pub/sub: one channel per job, one subscriber connection
 * per process. Redis is subscribed once per job however many SSE clients watch it, and each
 * message is parsed once and handed to every local listener.
 */
export class RedisEventBus implements EventBus {
  readonly #prefix: string;
  readonly #logger: QueueLogger;
  readonly #redisUrl: string;
  readonly #publisher: Redis;
  #subscriber: Redis | undefined;
  readonly #channels = new Map<string, Channel>();
  #closed = false;

  constructor(options: RedisEventBusOptions) {
    this.#prefix = `${options.prefix ?? 'testops'}:job-events:`;
    this.#logger = options.logger ?? stderrQueueLogger;
    this.#redisUrl = options.redisUrl;
    this.#publisher = connectRedis(options.redisUrl, 'testops-events-publish', this.#logger);
  }

  async publish(event: StoredJobEvent): Promise<void> {
    await this.#publisher.publish(this.#prefix + event.jobId, encodeJobEvent(event));
  }

  async subscribe(jobId: string, listener: JobEventListener): Promise<() => Promise<void>> {
    if (this.#closed) throw new Error('The event bus is closed.');
    const name = this.#prefix + jobId;
    let channel = this.#channels.get(name);
    if (!channel) {
      channel = { listeners: new Set(), subscribed: this.#subscribed().subscribe(name) };
      this.#channels.set(name, channel);
    }
    channel.listeners.add(listener);
    const unsubscribe = () => this.#unsubscribe(name, channel, listener);
    try {
      await channel.subscribed;
    } catch (error) {
      await unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#channels.clear();
    await Promise.all([this.#subscriber && quitRedis(this.#subscriber), quitRedis(this.#publisher)]);
  }

  /**
   * The subscriber connection, opened on first use: a worker process only publishes. A
   * subscribed connection can send nothing but (UN)SUBSCRIBE, hence a second connection.
   */
  #subscribed(): Redis {
    if (!this.#subscriber) {
      this.#subscriber = connectRedis(this.#redisUrl, 'testops-events-subscribe', this.#logger);
      this.#subscriber.on('message', (channel: string, message: string) => this.#deliver(channel, message));
    }
    return this.#subscriber;
  }

  async #unsubscribe(name: string, channel: Channel, listener: JobEventListener): Promise<void> {
    if (!channel.listeners.delete(listener) || channel.listeners.size > 0) return;
    // A newer channel object may already stand under this name (unsubscribed, then subscribed again).
    if (this.#channels.get(name) !== channel) return;
    this.#channels.delete(name);
    // Sent on the same connection after any earlier SUBSCRIBE, so Redis sees them in order.
    if (!this.#closed) await this.#subscribed().unsubscribe(name);
  }

  #deliver(name: string, message: string): void {
    const channel = this.#channels.get(name);
    if (!channel) return;
    let event: StoredJobEvent;
    try {
      event = decodeJobEvent(message);
    } catch (error) {
      this.#logger('warn', 'unreadable job event on Redis', { error });
      return;
    }
    for (const listener of channel.listeners) {
      try {
        listener(event);
      } catch (error) {
        // One broken SSE stream must not starve the others.
        this.#logger('warn', 'job event listener failed', { jobId: event.jobId, error });
      }
    }
  }
}
