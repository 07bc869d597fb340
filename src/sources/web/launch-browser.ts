// Starts the headless Chromium the explorer drives and opens isolated contexts in it: every
// page is explored in a fresh context so state kept in cookies or localStorage cannot leak
// from one page (or one interaction) to the next.
import { chromium } from '@playwright/test';
import type { Browser, BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../core/chromium-flags.ts';
import type { Viewport } from '../../core/page-model.ts';
import { recordAskedHosts } from './asked-hosts.ts';
import { findBrowser } from './find-browser.ts';
import { installInPageScript } from './in-page-script.ts';

export interface LaunchOptions {
  executablePath?: string;
  /** Every connection of the browser goes through this proxy (the SSRF guard's, guard-proxy.ts). */
  proxy?: string;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? (await findBrowser()).executablePath;
  return chromium.launch({
    headless: true,
    executablePath,
    args: [...CHROMIUM_ARGS],
    ...(options.proxy ? { proxy: { server: options.proxy } } : {}),
  });
}

export type StorageSeed = Exclude<Parameters<Browser['newContext']>[0], undefined>['storageState'];

export interface ContextOptions {
  viewport: Viewport;
  mobile?: boolean;
  /** A storageState file path or object (cookies, localStorage) every context starts from. */
  storageState?: StorageSeed;
}

export async function newExplorationContext(
  browser: Browser,
  options: ContextOptions,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.viewport,
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    deviceScaleFactor: 1,
    storageState: options.storageState,
    serviceWorkers: 'block', // a service worker would answer requests the guard never sees
  });
  context.setDefaultTimeout(5_000);
  context.setDefaultNavigationTimeout(30_000);
  recordAskedHosts(context);
  await installInPageScript(context);
  return context;
}
