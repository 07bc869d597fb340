// The reconnaissance stage: explores a live web app in a real browser, breadth first within
// limits on pages, depth and time, never leaving the start URL's origin, into a SiteModel.
import { join } from 'node:path';
import { SITE_MODEL_VERSION } from '../../core/page-model.ts';
import type { PageModel, PageState, SiteModel, UiElement } from '../../core/page-model.ts';
import { TestopsError } from '../../core/errors.ts';
import { ignoreEvents } from '../../core/events.ts';
import type { EventSink } from '../../core/events.ts';
import { checkTargetUrl } from '../url-guard.ts';
import { crawlSite } from './crawl-site.ts';
import { DESKTOP_VIEWPORT } from './explore-page.ts';
import { exploreStates } from './explore-states.ts';
import { recheckNumberedTexts } from './data-derived-texts.ts';
import { askedByPages } from './asked-hosts.ts';
import { startGuardProxy, type GuardProxy } from './guard-proxy.ts';
import { launchBrowser } from './launch-browser.ts';
import { logIn } from './login-steps.ts';
import { MOBILE_VIEWPORT } from './mobile-observation.ts';
import type { ExplorationEnv } from './page-session.ts';
import { SiteFrame } from './site-frame.ts';
import { linkPages } from './site-navigation.ts';

export interface ExploreSiteOptions {
  url: string;
  maxPages?: number;
  maxDepth?: number;
  totalTimeMs?: number;
  settleTimeoutMs?: number;
  /** A Playwright storage state file every page starts from (cookies, localStorage). */
  storageState?: string;
  /** A YAML/JSON file of login steps run once before exploring. */
  loginSteps?: string;
  allowDestructive?: boolean;
  allowPrivate?: boolean;
  /** Loopback targets allowed without allowPrivate (the CLI; see UrlGuardOptions). */
  allowLoopback?: boolean;
  /** Screenshots go to <outDir>/model/screenshots/. */
  outDir: string;
  events?: EventSink;
  /** Interactive elements recorded per page (a bound for very large DOMs). Default 300. */
  maxElementsPerPage?: number;
  /** Interactions tried per page. Default 40. */
  maxInteractionsPerPage?: number;
  /** Pages explored at the same time. Default 2. */
  concurrency?: number;
}

/**
 * Share of the total time kept for replaying flows after the crawl: a create, whether it lasts a
 * reload and what it opens up say more than a page's remaining fresh-load controls, and under
 * load a quarter was not enough to reach them.
 */
const STATES_SHARE = 0.4;
/** Share kept, after the flows, for running numbered interactions again (data-derived-texts.ts). */
const RECHECK_SHARE = 0.05;

/**
 * When the re-check of numbered texts stops. It keeps its share even when the flows ran over
 * theirs (a create probe's grace did, on a heavy app): without it, a count the suite's own
 * creates change is expected as first seen, and the delivered test fails on the suite's own data.
 */
export function recheckDeadline(started: number, totalTimeMs: number, now: number): number {
  return Math.max(started + totalTimeMs, now + totalTimeMs * RECHECK_SHARE);
}

function parseStartUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', 'the start URL is not a valid URL', {
      where: url,
      expected: 'an absolute http(s) URL such as https://app.example.com/',
      hint: 'include the scheme (https://).',
    });
  }
}

export async function exploreSite(options: ExploreSiteOptions): Promise<SiteModel> {
  const started = performance.now();
  const events = options.events ?? ignoreEvents;
  const start = parseStartUrl(options.url);
  const allowPrivate = options.allowPrivate ?? false;
  const guard = { allowPrivate, allowLoopback: options.allowLoopback ?? false };
  const checked = await checkTargetUrl(start, guard);
  const totalTimeMs = options.totalTimeMs ?? 120_000;
  const maxPages = options.maxPages ?? 20;
  const refused: SiteModel['issues'] = [];
  const onRefused = (url: string, reason: string) =>
    refused.push({ url, message: `request refused: ${reason}` });
  // With the guard on, the browser connects only through the guard's proxy, the site pinned to `checked`.
  const proxy: GuardProxy | undefined = allowPrivate
    ? undefined
    : await startGuardProxy({ guard, pinned: [checked], onRefused });
  const browser = await launchBrowser(proxy ? { proxy: proxy.server } : {}).catch(async (error: unknown) => {
    await proxy?.close();
    throw error;
  });
  try {
    // Judged per request, never cached for the run: a verdict belongs to the connection it allows.
    const check = allowPrivate ? undefined : async (url: URL) => void (await checkTargetUrl(url, guard));
    const storageState = options.loginSteps
      ? await logIn(browser, options.loginSteps, start, options.storageState, check)
      : options.storageState;
    const env: ExplorationEnv = {
      browser,
      origin: start.origin,
      storageState,
      check,
      settleTimeoutMs: options.settleTimeoutMs ?? 5_000,
      onRefused,
    };
    const concurrency = options.concurrency ?? 2;
    const limits = {
      maxPages,
      maxDepth: options.maxDepth ?? 3,
      // Flows are replayed once the crawl has found them: they get what it leaves, at least a share.
      deadline: started + totalTimeMs * (1 - STATES_SHARE),
      // A page's share of the crawl, pages running `concurrency` at once: the start page is
      // alone on its level, and with few pages it used the whole crawl, leaving the pages it
      // leads to (a list's items, where things are made) seconds each.
      pageBudgetMs: Math.max(15_000, (totalTimeMs * (1 - STATES_SHARE) * concurrency) / maxPages),
      concurrency,
    };
    const crawl = await crawlSite(
      env,
      start.href,
      limits,
      {
        maxElements: options.maxElementsPerPage ?? 300,
        maxInteractions: options.maxInteractionsPerPage ?? 40,
        allowDestructive: options.allowDestructive ?? false,
        modelDir: join(options.outDir, 'model'),
        frame: new SiteFrame(),
      },
      events,
    );
    if (crawl.pages.length === 0) throw startPageFailed(start, crawl.issues[0]?.message);
    const states = await exploreStates(env, crawl.pages, crawl.baselines, {
      deadline: started + totalTimeMs * (1 - RECHECK_SHARE),
      maxElements: options.maxElementsPerPage ?? 300,
    });
    // Flows may have created data every visitor sees: numbers derived from it are told apart.
    const derived =
      states.flows.length > 0
        ? await recheckNumberedTexts(
            env,
            crawl.pages,
            recheckDeadline(started, totalTimeMs, performance.now()),
          )
        : new Map<string, never>();
    const pages = crawl.pages.map((page) => {
      const stated = withStates(page, states.pages.get(page.id));
      const texts = derived.get(page.id);
      return texts ? { ...stated, dataDerived: texts } : stated;
    });
    for (const [id, ms] of Object.entries(states.perPageMs)) {
      crawl.perPageMs[id] = Math.round((crawl.perPageMs[id] ?? 0) + ms);
    }
    const navigation = linkPages(pages, crawl.pageIdByUrl, crawl.navigations);
    const totalMs = Math.round(performance.now() - started);
    // The caller times the stage (one progress line); this only says what it found.
    events({
      type: 'log',
      level: 'info',
      message: `explored ${pages.length} pages, ${states.flows.length} flows`,
    });
    return {
      version: SITE_MODEL_VERSION,
      startUrl: start.href,
      origin: start.origin,
      exploredAt: new Date().toISOString(),
      viewports: { desktop: DESKTOP_VIEWPORT, mobile: MOBILE_VIEWPORT },
      pages,
      navigation,
      issues: [
        ...crawl.issues,
        ...states.issues,
        ...dedupe(refused).filter((issue) => askedByPages(browser, issue.url)),
      ],
      durations: { totalMs, perPageMs: crawl.perPageMs },
      flows: states.flows,
    };
  } finally {
    await browser.close();
    await proxy?.close();
  }
}

/** Nothing explored at all: an error, not an empty model (the start page is unreachable). */
function startPageFailed(start: URL, reason: string | undefined): TestopsError {
  return new TestopsError(
    'TESTOPS_SOURCE_FETCH_FAILED',
    `the start page could not be explored: ${reason ?? 'unknown'}`,
    {
      where: start.href,
      expected: 'a reachable HTML page on the start URL',
      hint: 'open the URL in a browser; check it is running and not behind a login (see --login-steps).',
    },
  );
}

/** Elements a state added are not visible on arrival: tests reach them through the flow. */
function withStates(
  page: PageModel,
  found: { states: PageState[]; added: { flow: string; elements: UiElement[] }[] } | undefined,
): PageModel {
  if (!found) return { ...page, states: [] };
  const added = found.added.flatMap(({ flow, elements }) =>
    elements.map((element) => ({ ...element, visible: false, afterFlow: flow })),
  );
  return { ...page, elements: [...page.elements, ...added], states: found.states };
}

function dedupe(issues: SiteModel['issues']): SiteModel['issues'] {
  const seen = new Set<string>();
  return issues.filter(
    (issue) => !seen.has(`${issue.url} ${issue.message}`) && seen.add(`${issue.url} ${issue.message}`),
  );
}
