import type { ResponseCache } from '../../core/response-cache.ts';
import type { ThreadMessage } from './thread-messages.ts';

/** How long a thread waits for the parent's cache answer before asking the model instead. */
const ANSWER_TIMEOUT_MS = 2_000;

/** The parent's response cache, seen from a job's thread: requests and answers by message. */
export class ThreadResponseCache implements ResponseCache {
  readonly kind = 'parent';
  private nextId = 1;
  private readonly pending = new Map<number, (value: string | undefined) => void>();

  constructor(private readonly send: (message: ThreadMessage) => void) {}

  get(key: string): Promise<string | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.answered(id, undefined), ANSWER_TIMEOUT_MS);
      timer.unref();
      this.pending.set(id, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
      this.send({ type: 'cache-get', id, key });
    });
  }

  async set(key: string, value: string): Promise<void> {
    this.send({ type: 'cache-set', key, value });
  }

  answered(id: number, value: string | undefined): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(value);
  }
}
