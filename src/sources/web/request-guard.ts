// Keeps the browser inside what the user asked to explore. Main-frame navigations to another
// origin are always refused (the crawl never leaves the site). With a URL check (SSRF guard,
// i.e. without --allow-private), every request and every redirect hop is checked before it is
// sent: Playwright's route handler sees only the first URL of a redirect chain, so redirects
// are fetched hop by hop here instead of being left to the browser.
import type { BrowserContext, Route } from '@playwright/test';
import { redirectTarget } from '../url-guard.ts';

export interface RequestGuardOptions {
  /** The explored site's origin: main-frame navigations elsewhere are refused (none: allowed). */
  origin: string | undefined;
  /** Throws for a refused URL; undefined when private targets are allowed. */
  check?: (url: URL) => Promise<void>;
  onRefused: (url: string, reason: string) => void;
}

const MAX_REDIRECTS = 10;

export async function guardRequests(context: BrowserContext, options: RequestGuardOptions): Promise<void> {
  if (!options.check && !options.origin) return;
  // Without a check only cross-origin requests need a look; same-origin ones go straight through.
  const matcher = options.check ? '**/*' : (url: URL) => url.origin !== options.origin;
  await context.route(matcher, (route) =>
    handle(route, options).catch(() => route.abort('failed').catch(() => undefined)),
  );
}

async function handle(route: Route, options: RequestGuardOptions): Promise<void> {
  const request = route.request();
  const url = new URL(request.url());
  const topLevel = request.isNavigationRequest() && request.frame().parentFrame() === null;
  const leaves = (target: URL): boolean => options.origin !== undefined && target.origin !== options.origin;
  if (topLevel && leaves(url)) return refuse(route, options, url, 'another origin');
  if (!options.check) return route.continue();
  if (!(await passes(options, url, route))) return;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await route.fetch({ url: current.href, maxRedirects: 0 });
    const next = redirectTarget(current, response.status(), response.headers()['location']);
    if (!next) return route.fulfill({ response });
    if (topLevel && leaves(next)) return refuse(route, options, next, 'a redirect to another origin');
    if (!(await passes(options, next, route))) return;
    // A document must end up at its final URL (relative links depend on it), so the browser is
    // sent on with a client-side redirect: its next request comes back through this handler.
    if (topLevel) return route.fulfill({ status: 200, contentType: 'text/html', body: clientRedirect(next) });
    current = next;
  }
  return refuse(route, options, current, `more than ${MAX_REDIRECTS} redirects`);
}

async function passes(options: RequestGuardOptions, url: URL, route: Route): Promise<boolean> {
  try {
    await options.check?.(url);
    return true;
  } catch (error) {
    await refuse(route, options, url, error instanceof Error ? error.message.split('\n')[0]! : String(error));
    return false;
  }
}

async function refuse(route: Route, options: RequestGuardOptions, url: URL, reason: string): Promise<void> {
  options.onRefused(url.href, reason);
  // 204 to a navigation keeps the page where it is; aborting would show a browser error page.
  const request = route.request();
  if (request.isNavigationRequest()) await route.fulfill({ status: 204 });
  else await route.abort('blockedbyclient');
}

function clientRedirect(url: URL): string {
  const escaped = url.href.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html><meta http-equiv="refresh" content="0;url=${escaped}">`;
}
