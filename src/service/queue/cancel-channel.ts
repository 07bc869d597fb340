import type { Redis } from 'ioredis';
import type { QueueLogger } from './queue-logger.ts';
import { connectRedis, quitRedis } from './redis-connection.ts';

/**
 * Cancellation across processes. BullMQ can only abort handlers of the Worker object it is
 * asked on, and the request to cancel arrives at an HTTP server that may run no worker: the job
 * id goes out on a Redis channel, and every worker process aborts its handler for that job.
 */
export class CancelChannel {
  readonly #name: string;
  readonly #publisher: Redis;
  readonly #redisUrl: string;
  readonly #logger: QueueLogger;
  #subscriber: Redis | undefined;

  constructor(options: { name: string; publisher: Redis; redisUrl: string; logger: QueueLogger }) {
    this.#name = options.name;
    this.#publisher = options.publisher;
    this.#redisUrl = options.redisUrl;
    this.#logger = options.logger;
  }

  async publish(jobId: string): Promise<void> {
    await this.#publisher.publish(this.#name, jobId);
  }

  /** Resolves once subscribed: a cancellation published after that reaches `onCancel`. */
  async listen(onCancel: (jobId: string) => void): Promise<void> {
    // A subscribed connection can send nothing else, so it is one of its own.
    this.#subscriber ??= connectRedis(this.#redisUrl, 'testops-queue-cancel', this.#logger);
    this.#subscriber.on('message', (_channel: string, jobId: string) => onCancel(jobId));
    await this.#subscriber.subscribe(this.#name);
  }

  async close(): Promise<void> {
    if (this.#subscriber) await quitRedis(this.#subscriber);
  }
}
