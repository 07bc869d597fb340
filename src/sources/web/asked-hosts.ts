// The hosts the explored pages themselves asked for. Behind the SSRF guard's proxy the browser's
// own traffic is judged too: Chromium 156 looks for updates and signed-in accounts
// (update.googleapis.com, accounts.google.com) whatever flags it is started with. A refusal of
// that says nothing about the site, so only refusals of hosts a page asked for are reported.
import type { Browser, BrowserContext } from '@playwright/test';

const asked = new WeakMap<Browser, Set<string>>();

function hostOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).hostname.toLowerCase() : undefined;
}

/** Records every host the context's pages request, by HTTP or WebSocket. */
export function recordAskedHosts(context: BrowserContext): void {
  const browser = context.browser();
  if (!browser) return;
  const hosts = asked.get(browser) ?? new Set<string>();
  asked.set(browser, hosts);
  const add = (url: string) => {
    const host = hostOf(url);
    if (host) hosts.add(host);
  };
  context.on('request', (request) => add(request.url()));
  context.on('page', (page) => page.on('websocket', (socket) => add(socket.url())));
}

/** Whether a page of this browser asked for the URL's host (a proxy's CONNECT form included). */
export function askedByPages(browser: Browser, url: string): boolean {
  const host = hostOf(url);
  return host !== undefined && (asked.get(browser)?.has(host) ?? false);
}
