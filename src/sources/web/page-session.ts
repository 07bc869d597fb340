// One page opened for exploration: a fresh browser context (seeded with the user's storage
// state), the request guard, event recording, and the initial load up to a settled state.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Viewport } from '../../core/page-model.ts';
import { newExplorationContext } from './launch-browser.ts';
import type { StorageSeed } from './launch-browser.ts';
import { PageEvents } from './page-events.ts';
import { guardRequests } from './request-guard.ts';
import { NetworkTracker, waitForSettled } from './settle-page.ts';
import type { SettleResult } from './settle-page.ts';

export interface ExplorationEnv {
  browser: Browser;
  origin: string;
  storageState: StorageSeed | undefined;
  /** The SSRF check for every request; undefined when private targets are allowed. */
  check: ((url: URL) => Promise<void>) | undefined;
  settleTimeoutMs: number;
  onRefused: (url: string, reason: string) => void;
}

export interface PageSession {
  context: BrowserContext;
  page: Page;
  network: NetworkTracker;
  events: PageEvents;
  load: SettleResult;
  status: number | undefined;
  contentType: string;
}

/** The quiet window a freshly loaded page must show (network and DOM) to count as settled. */
export const LOAD_QUIET_MS = 500;
/** Settle windows a first load may take, from its start, before it counts as never settling. */
const SLOW_LOAD_WINDOWS = 2;

export async function openPageSession(
  env: ExplorationEnv,
  url: string,
  view: { viewport: Viewport; mobile?: boolean },
): Promise<PageSession> {
  const context = await newExplorationContext(env.browser, { ...view, storageState: env.storageState });
  try {
    await guardRequests(context, { origin: env.origin, check: env.check, onRefused: env.onRefused });
    const page = await context.newPage();
    const network = new NetworkTracker(page);
    const events = new PageEvents(page);
    const started = performance.now();
    const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
    const quiet = (timeoutMs: number) =>
      waitForSettled(page, network, { quietMs: LOAD_QUIET_MS, timeoutMs }, started);
    let load = await quiet(env.settleTimeoutMs);
    // A heavy app on a busy machine may still be rendering its first view when the window ends:
    // it gets a second one, as does one still showing loading placeholders. A page that never
    // settles (a ticking clock) is restless in both.
    if (!load.settled || load.loading) load = await quiet(SLOW_LOAD_WINDOWS * env.settleTimeoutMs);
    const contentType = (await response?.headerValue('content-type')) ?? '';
    return { context, page, network, events, load, status: response?.status(), contentType };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

export async function closePageSession(session: PageSession): Promise<void> {
  await session.context.close().catch(() => undefined);
}
