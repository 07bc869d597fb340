// Explores one page: read its first load (facts, elements, forms, links, screenshot), observe
// its behaviour on that load and a replica, and look at it on a phone meanwhile. Pages that
// never settle are recorded as they are, without interactions.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PageModel, Viewport } from '../../core/page-model.ts';
import { observeMobile } from './mobile-observation.ts';
import { exploreBehaviour, unsettled } from './page-behaviour.ts';
import type { Behaviour } from './page-behaviour.ts';
import type { PageSnapshot } from './in-page-types.ts';
import { PageDriver } from './page-driver.ts';
import { crawlKey } from './crawl-frontier.ts';
import { snapshotLandmarks } from './page-facts.ts';
import { itemsFirst } from './link-priority.ts';
import { interleaveFamilies, linksOf, linksToFollow } from './page-links.ts';
import type { Discovered } from './page-links.ts';
import { briefError, mergeEvents } from './page-issues.ts';
import { closePageSession, openPageSession } from './page-session.ts';
import type { ExplorationEnv, PageSession } from './page-session.ts';
import { readLoadedPage } from './read-loaded-page.ts';
import type { SiteFrame } from './site-frame.ts';
import type { LoadedPage } from './read-loaded-page.ts';

export const DESKTOP_VIEWPORT: Viewport = { width: 1280, height: 800 };

export interface PageRequest {
  url: string;
  depth: number;
  id: string;
}

export interface PageOptions {
  maxElements: number;
  maxInteractions: number;
  allowDestructive: boolean;
  /** The model folder; screenshots go to its screenshots/ (none when undefined). */
  modelDir: string | undefined;
  deadline: number;
  /** The crawl's own deadline: a start page that links to no other document may use it all. */
  crawlDeadline: number;
  /** Shared by the crawl's pages: the frame's interactions are tried on one page only. */
  frame?: SiteFrame;
}

export interface PageExploration {
  page: PageModel;
  issues: string[];
  discovered: Discovered[];
  /** The observable state of the settled first load: what flows are compared against. */
  baseline: PageSnapshot | undefined;
}

async function screenshotPaths(modelDir: string | undefined, name: string) {
  if (!modelDir) return { path: undefined, relative: undefined };
  await mkdir(join(modelDir, 'screenshots'), { recursive: true });
  return { path: join(modelDir, 'screenshots', `${name}.png`), relative: `screenshots/${name}.png` };
}

export async function explorePage(
  env: ExplorationEnv,
  request: PageRequest,
  options: PageOptions,
): Promise<PageExploration> {
  const session = await openPageSession(env, request.url, { viewport: DESKTOP_VIEWPORT });
  const cleanup: (() => Promise<unknown> | undefined)[] = [];
  try {
    const loaded = await readLoadedPage(session, env.origin, options);
    const href = loaded.url.href;
    // The replica (a second fresh load, for replays) loads while this one is being read.
    const replicaLoad =
      session.load.settled && loaded.plans.length > 0
        ? openPageSession(env, href, { viewport: DESKTOP_VIEWPORT })
        : undefined;
    replicaLoad?.catch(() => undefined); // awaited later; a failure must not count as unhandled meanwhile
    cleanup.push(() => replicaLoad?.then(closePageSession, () => undefined));
    const shot = await screenshotPaths(options.modelDir, request.id);
    if (shot.path) await session.page.screenshot({ path: shot.path, fullPage: true });
    const landmarksAtLoad = await snapshotLandmarks(session.page, loaded.facts.landmarks);
    // The phone pass needs nothing from the interactions: it runs alongside them.
    const mobileShot = await screenshotPaths(options.modelDir, `${request.id}-mobile`);
    const desktop = { elements: loaded.collected.elements, ariaSnapshot: loaded.facts.ariaSnapshot };
    const mobileWork = observeMobile(env, href, desktop, mobileShot).catch((error: unknown) => {
      loaded.issues.push(`mobile pass failed: ${briefError(error)}`);
      return undefined;
    });
    cleanup.push(() => mobileWork);
    const openFresh = () => openPageSession(env, href, { viewport: DESKTOP_VIEWPORT });
    const primary = new PageDriver(env, openFresh, loaded.collected.elements);
    const replica = new PageDriver(env, openFresh, loaded.collected.elements);
    cleanup.push(
      () => primary.close(),
      () => replica.close(),
    );
    await primary.adopt(session, loaded.collected.idByKey);
    const behaviour = session.load.settled
      ? await exploreBehaviour({
          ...{ primary, replica, replicaLoad, plans: loaded.plans, context: loaded.context },
          ...{ forms: loaded.forms, landmarks: loaded.facts.landmarks, landmarksAtLoad },
          limits: {
            maxInteractions: options.maxInteractions,
            ...interactionDeadlines(request, loaded, options),
            frame: options.frame ? { frame: options.frame, page: request.id } : undefined,
          },
        })
      : unsettled(loaded.forms);
    const mobile = await mobileWork;
    const sessions = [...primary.sessions, ...replica.sessions, ...(mobile ? [mobile] : [])];
    const model = toPageModel(request, session, loaded, behaviour, mobile?.mobile, shot.relative);
    return {
      page: { ...model, ...mergeEvents(sessions.map((entry) => entry.events)) },
      issues: [...loaded.issues, ...behaviour.problems],
      discovered: itemsFirst(
        loaded.url.href,
        interleaveFamilies(
          [
            ...linksToFollow(model.links, loaded.collected, options.allowDestructive),
            ...behaviour.navigations.filter((navigation) => new URL(navigation.url).origin === env.origin),
          ],
          loaded.collected,
        ),
      ),
      baseline: session.load.settled ? primary.baseline : undefined,
    };
  } finally {
    for (const step of cleanup) await step();
    await closePageSession(session);
  }
}

/**
 * A start page that links to no other document is all there is to crawl (a single-page app whose
 * views are in-page states and hash routes): nothing waits for its time, so it gets the crawl's,
 * until it finds a create. Then its own share again: the flows after the crawl replay that create
 * and probe what it made, and under load the page's other controls had left them no time.
 */
function interactionDeadlines(
  request: PageRequest,
  loaded: LoadedPage,
  options: PageOptions,
): { deadline: number; createFoundDeadline?: number } {
  if (request.depth > 0) return { deadline: options.deadline };
  const here = crawlKey(loaded.url);
  const links = linksToFollow(
    linksOf(loaded.collected, loaded.url.origin),
    loaded.collected,
    options.allowDestructive,
  );
  return links.some((link) => crawlKey(link.url) !== here)
    ? { deadline: options.deadline }
    : { deadline: options.crawlDeadline, createFoundDeadline: options.deadline };
}

function toPageModel(
  request: PageRequest,
  session: PageSession,
  { url, facts, collected }: LoadedPage,
  behaviour: Behaviour,
  mobile: PageModel['mobile'],
  screenshot: string | undefined,
): PageModel {
  return {
    id: request.id,
    url: url.href,
    path: `${url.pathname}${url.search}`,
    title: facts.title,
    depth: request.depth,
    settled: session.load.settled,
    settleMs: session.load.ms,
    headings: facts.headings,
    landmarks: facts.landmarks,
    ariaSnapshot: facts.ariaSnapshot,
    ariaSnapshotTruncated: facts.ariaSnapshotTruncated,
    stableRegions: behaviour.stableRegions,
    elements: [...collected.elements, ...behaviour.rendered],
    forms: behaviour.forms,
    links: linksOf(collected, url.origin),
    interactions: behaviour.interactions,
    consoleErrors: [],
    failedRequests: [],
    screenshot,
    mobile,
  };
}
