/** Runs tasks under a limit: this thread's `ConcurrencyLimit`, or the process's (`shared-llm-state.ts`). */
export interface TaskLimit {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** At most `limit` tasks at once; the rest wait in order. Providers rate-limit bursts. */
export class ConcurrencyLimit implements TaskLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  get active(): number {
    return this.running;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot to the next waiter directly, so a newcomer cannot take it
    // in between and exceed the limit.
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
