// "Settled" = the network has been quiet AND the DOM has not changed for a quiet window, both
// at once, bounded by a timeout. Network idleness alone is not enough: client-rendered apps keep
// mutating the DOM after their last request, and polling apps never go network-idle.
import type { Page, Request } from '@playwright/test';
import { callInPage } from './in-page-script.ts';

export interface SettleResult {
  settled: boolean;
  ms: number;
  /** Quiet at the timeout, but loading placeholders still showed. */
  loading?: boolean;
}

export interface SettleOptions {
  quietMs: number;
  timeoutMs: number;
}

// Long-lived streams never finish; counting them would make a page with live updates unsettleable.
const streamingTypes = new Set(['eventsource', 'websocket']);
const POLL_MS = 50;
// The second look that confirms a quiet window: long enough for overdue timers to run first.
const CONFIRM_MS = 20;

/**
 * Counts the page's in-flight requests (those `counts` picks: all, or only writes) and remembers
 * when the network last changed.
 */
export class NetworkTracker {
  private readonly inFlight = new Set<Request>();
  private lastChange = performance.now();

  constructor(page: Page, counts: (request: Request) => boolean = () => true) {
    page.on('request', (request) => {
      if (streamingTypes.has(request.resourceType()) || !counts(request)) return;
      this.inFlight.add(request);
      this.lastChange = performance.now();
    });
    const done = (request: Request): void => {
      if (this.inFlight.delete(request)) this.lastChange = performance.now();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
  }

  quietMs(): number {
    return this.inFlight.size > 0 ? 0 : performance.now() - this.lastChange;
  }
}

interface DomState {
  quietMs: number;
  /** The page's own clock at its last change; undefined after a navigation replaced it. */
  changedAt?: number;
  loading: boolean;
}

async function domState(page: Page): Promise<DomState> {
  try {
    return await callInPage<DomState>(page, 'quietState');
  } catch {
    // a navigation replaced the document mid-call: certainly not settled yet
    return { quietMs: 0, loading: false };
  }
}

/** Whether loading placeholders show on the page now (false while a navigation replaces it). */
export async function placeholdersShow(page: Page): Promise<boolean> {
  return (await domState(page)).loading;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until both network and DOM have been quiet for `quietMs` with no loading placeholder
 * showing, or the timeout passes. Placeholders only delay: a page quiet at the timeout with one
 * still showing (a skeleton that never goes) is settled, or it would never be explored.
 */
export async function waitForSettled(
  page: Page,
  network: NetworkTracker,
  options: SettleOptions,
  startedAt = performance.now(),
): Promise<SettleResult> {
  const deadline = startedAt + options.timeoutMs;
  // When the DOM last changed, as seen by a look that found it quiet: a second look confirms it.
  let quietSince: number | undefined;
  for (;;) {
    const now = performance.now();
    // Quiet must also have lasted since we started waiting: an action that has not mutated the
    // DOM yet (a debounce, a pending timer) must not count as "already settled".
    const dom = await domState(page);
    const quiet = Math.min(network.quietMs(), dom.quietMs, now - startedAt);
    const done = quiet >= options.quietMs;
    // A renderer starved of CPU (or busy in one long task) runs no timers, so a ticking page looks
    // quiet until it catches up: the window counts only when a later look, after the page had a
    // moment to run what was overdue, finds no change since.
    const confirmed = done && quietSince !== undefined && dom.changedAt === quietSince;
    if (confirmed && (!dom.loading || now >= deadline))
      return { settled: true, ms: Math.round(now - startedAt), ...(dom.loading ? { loading: true } : {}) };
    if (now >= deadline) return { settled: false, ms: Math.round(now - startedAt) };
    quietSince = done ? dom.changedAt : undefined;
    const wait = done ? (confirmed ? POLL_MS : CONFIRM_MS) : Math.min(POLL_MS, options.quietMs - quiet);
    await sleep(Math.max(10, Math.min(wait, deadline - now)));
  }
}
