import type { BreakerCells } from './circuit-breaker.ts';
import type { TaskLimit } from './concurrency-limit.ts';

// A job of the service runs in a worker thread of its own, and module state is per thread: each
// thread would have its own circuit breaker and concurrency limit per provider, so a provider
// that is down would be tried by every thread, and N threads would send N × the limit at once.
// This state lives in SharedArrayBuffers the process creates once and hands to each job's
// thread (in workerData); breakers and limits then read and write it with Atomics.

/** Providers (base URLs) a process tracks at once; more fall back to per-thread state. */
const PROVIDERS = 16;
/** Threads holding a lease at once (the main thread's included); more fall back to per-thread state. */
const LEASES = 64;
// Per provider, 8 Int32 cells: key, running, failures, trial; the opening time (BigInt64) in cells 4–5.
const CELLS = 8;
const KEY = 0;
const RUNNING = 1;
const FAILURES = 2;
const TRIAL = 3;
const OPENED_AT = 2; // index in the BigInt64 view: bytes 16–23 of the provider's 32
/** Waiters re-check at least this often, in case a wake-up was missed. */
const RECHECK_MS = 1_000;

/** What a thread is given: plain data (SharedArrayBuffers are shared, not copied, by postMessage). */
export interface SharedLlmHandle {
  providers: SharedArrayBuffer;
  /** Per lease and provider: the limit slots that thread holds, given back if it is terminated. */
  holdings: SharedArrayBuffer;
  lease: number;
}

/** A thread's view of the process's breakers and limits. */
export class SharedLlmState {
  private readonly cells: Int32Array;
  private readonly times: BigInt64Array;
  private readonly holdings: Int32Array;

  constructor(private readonly handle: SharedLlmHandle) {
    this.cells = new Int32Array(handle.providers);
    this.times = new BigInt64Array(handle.providers);
    this.holdings = new Int32Array(handle.holdings);
  }

  /** The breaker state of a provider, in shared memory; undefined when every provider slot is taken. */
  breakerCells(baseUrl: string): BreakerCells | undefined {
    const slot = this.slotOf(baseUrl);
    if (slot === undefined) return undefined;
    const { cells, times } = this;
    const at = slot * CELLS;
    return {
      openedAt: () => {
        const value = Atomics.load(times, slot * (CELLS / 2) + OPENED_AT);
        return value === 0n ? undefined : Number(value);
      },
      setOpenedAt: (when) => {
        Atomics.store(times, slot * (CELLS / 2) + OPENED_AT, when === undefined ? 0n : BigInt(when));
      },
      addFailure: () => Atomics.add(cells, at + FAILURES, 1) + 1,
      resetFailures: () => void Atomics.store(cells, at + FAILURES, 0),
      claimTrial: () => Atomics.compareExchange(cells, at + TRIAL, 0, 1) === 0,
      endTrial: () => void Atomics.store(cells, at + TRIAL, 0),
    };
  }

  /** At most `limit` calls to this provider in flight across the process's threads. */
  limit(baseUrl: string, limit: number): TaskLimit | undefined {
    const slot = this.slotOf(baseUrl);
    if (slot === undefined) return undefined;
    const running = slot * CELLS + RUNNING;
    const held = this.handle.lease * PROVIDERS + slot;
    const { cells, holdings } = this;
    const acquire = async () => {
      for (;;) {
        const current = Atomics.load(cells, running);
        if (current < limit) {
          if (Atomics.compareExchange(cells, running, current, current + 1) === current) {
            Atomics.add(holdings, held, 1);
            return;
          }
          continue;
        }
        const waited = waitAsync(cells, running, current, RECHECK_MS);
        if (!waited.async) continue;
        // A pending waitAsync does not keep the event loop alive: a thread whose every call
        // waits for a slot would otherwise exit (code 13, unfinished top-level await).
        const alive = setTimeout(() => {}, RECHECK_MS + 100);
        await waited.value;
        clearTimeout(alive);
      }
    };
    return {
      async run<T>(task: () => Promise<T>): Promise<T> {
        await acquire();
        try {
          return await task();
        } finally {
          Atomics.sub(holdings, held, 1);
          Atomics.sub(cells, running, 1);
          Atomics.notify(cells, running, 1);
        }
      },
    };
  }

  /** The provider's slot: found by its key, or claimed; providers are never removed. */
  private slotOf(baseUrl: string): number | undefined {
    const key = keyOf(baseUrl);
    for (let probe = 0; probe < PROVIDERS; probe++) {
      const slot = ((key >>> 0) + probe) % PROVIDERS;
      const found = Atomics.compareExchange(this.cells, slot * CELLS + KEY, 0, key);
      if (found === 0 || found === key) return slot;
    }
    return undefined;
  }
}

/**
 * The owner of the process's state (the server or `testops worker`): leases a handle to each
 * job's thread and, when the thread ends, gives back the limit slots it still held — a thread
 * terminated mid-call (stopped, timed out) never ran its `finally`.
 */
export class SharedLlmStateOwner {
  private readonly providers = new SharedArrayBuffer(PROVIDERS * CELLS * 4);
  private readonly holdings = new SharedArrayBuffer(LEASES * PROVIDERS * 4);
  private readonly taken = new Set<number>();

  /** A handle for one thread, or undefined when all leases are out (the thread then has its own state). */
  lease(): SharedLlmHandle | undefined {
    for (let lease = 0; lease < LEASES; lease++)
      if (!this.taken.has(lease)) {
        this.taken.add(lease);
        return { providers: this.providers, holdings: this.holdings, lease };
      }
    return undefined;
  }

  release(handle: SharedLlmHandle): void {
    const cells = new Int32Array(this.providers);
    const holdings = new Int32Array(this.holdings);
    for (let slot = 0; slot < PROVIDERS; slot++) {
      const held = Atomics.exchange(holdings, handle.lease * PROVIDERS + slot, 0);
      if (held === 0) continue;
      Atomics.sub(cells, slot * CELLS + RUNNING, held);
      Atomics.notify(cells, slot * CELLS + RUNNING, held);
    }
    this.taken.delete(handle.lease);
  }
}

let owner: SharedLlmStateOwner | undefined;
let installed: SharedLlmState | undefined;

/**
 * The process's state, created on first use by the thread that runs the service (and used by
 * that thread too, so its own model calls — the copilot, readiness — count against the same limit).
 */
export function processLlmState(): SharedLlmStateOwner {
  if (!owner) {
    owner = new SharedLlmStateOwner();
    const own = owner.lease();
    if (own && !installed) installed = new SharedLlmState(own);
  }
  return owner;
}

/** In a job's thread: use the process's state given in workerData. Call before any model client opens. */
export function useSharedLlmState(handle: SharedLlmHandle): void {
  installed = new SharedLlmState(handle);
}

/** The state breakers and limits of this thread use; undefined in a standalone CLI run. */
export function sharedLlmState(): SharedLlmState | undefined {
  return installed;
}

/** `Atomics.waitAsync` (in Node since 16; in TypeScript's lib only from ES2024): waits without blocking the thread. */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      array: Int32Array,
      index: number,
      value: number,
      timeoutMs: number,
    ): { async: false; value: string } | { async: true; value: Promise<string> };
  }
).waitAsync;

/** FNV-1a of the base URL, never 0 (0 marks a free slot). */
function keyOf(baseUrl: string): number {
  let hash = 0x811c9dc5;
  for (const char of baseUrl) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193);
  return hash | 1;
}
