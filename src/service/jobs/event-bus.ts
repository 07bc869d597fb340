import type { StoredJobEvent } from './job.ts';

/**
 * Live job events between processes: in memory when everything runs in one process, Redis
 * pub/sub when workers run elsewhere. The bus is for liveness only — the JobStore keeps every
 * event, so a listener that reconnects replays from there (SSE `Last-Event-ID`).
 */
export type JobEventListener = (event: StoredJobEvent) => void;

export interface EventBus {
  publish(event: StoredJobEvent): Promise<void>;
  /** Returns an unsubscribe function. */
  subscribe(jobId: string, listener: JobEventListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The bus of the embedded mode: one process, no broker. */
export class MemoryEventBus implements EventBus {
  readonly #listeners = new Map<string, Set<JobEventListener>>();

  async publish(event: StoredJobEvent): Promise<void> {
    for (const listener of this.#listeners.get(event.jobId) ?? []) listener(event);
  }

  async subscribe(jobId: string, listener: JobEventListener): Promise<() => Promise<void>> {
    const listeners = this.#listeners.get(jobId) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(jobId, listeners);
    return async () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(jobId);
    };
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}
