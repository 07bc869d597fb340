// The crawl: breadth first, one depth level at a time, a few pages of a level explored at once
// (each in its own contexts; the browser mostly waits on settle windows, so this is nearly free).
// Ids and order follow the queue, not completion times, so the model is deterministic.
import type { EventSink } from '../../core/events.ts';
import type { PageModel } from '../../core/page-model.ts';
import { CrawlFrontier, crawlKey } from './crawl-frontier.ts';
import type { CrawlRequest } from './crawl-frontier.ts';
import { IdAllocator, pageIdFor } from './element-ids.ts';
import { explorePage } from './explore-page.ts';
import type { PageExploration, PageOptions } from './explore-page.ts';
import type { Discovered } from './page-links.ts';
import type { PageSnapshot } from './in-page-types.ts';
import { mapLimit } from '../../core/map-limit.ts';
import { briefError } from './page-issues.ts';
import type { ExplorationEnv } from './page-session.ts';

export interface CrawlLimits {
  maxPages: number;
  maxDepth: number;
  deadline: number;
  /** Interaction time per page, so early pages cannot use up the whole run. */
  pageBudgetMs: number;
  concurrency: number;
}

export interface CrawlResult {
  pages: PageModel[];
  issues: { url: string; message: string }[];
  perPageMs: Record<string, number>;
  pageIdByUrl: Map<string, string>;
  navigations: Map<string, Discovered[]>;
  /** Snapshot of each settled page's first load, by page id. */
  baselines: Map<string, PageSnapshot>;
}

type Attempt = { request: CrawlRequest; id: string; ms: number } & (
  { explored: PageExploration } | { error: string }
);

export async function crawlSite(
  env: ExplorationEnv,
  startUrl: string,
  limits: CrawlLimits,
  pageOptions: Omit<PageOptions, 'deadline' | 'crawlDeadline'>,
  events: EventSink,
): Promise<CrawlResult> {
  const result: CrawlResult = {
    pages: [],
    issues: [],
    perPageMs: {},
    pageIdByUrl: new Map(),
    navigations: new Map(),
    baselines: new Map(),
  };
  const frontier = new CrawlFrontier(env.origin, limits.maxDepth);
  const ids = new IdAllocator();
  frontier.add(startUrl, 0);
  for (let level = frontier.takeQueued(); level.length > 0; level = frontier.takeQueued()) {
    const room = limits.maxPages - result.pages.length;
    const timeLeft = performance.now() < limits.deadline;
    const batch = timeLeft ? level.slice(0, Math.max(0, room)) : [];
    for (const skipped of level.slice(batch.length)) {
      const why = timeLeft ? `page limit (${limits.maxPages}) reached` : 'time limit reached';
      result.issues.push({ url: skipped.url, message: `not explored: ${why}` });
    }
    const attempts = await mapLimit(batch, limits.concurrency, (request) => {
      const id = ids.next(pageIdFor(new URL(request.url)));
      if (performance.now() > limits.deadline) return Promise.resolve(timedOut(request, id));
      const deadlines = { deadline: pageDeadline(limits, request.depth), crawlDeadline: limits.deadline };
      return attempt(env, request, id, { ...pageOptions, ...deadlines });
    });
    for (const entry of attempts) record(result, entry, frontier, events);
  }
  return result;
}

const timedOut = (request: CrawlRequest, id: string): Attempt => ({
  request,
  id,
  ms: 0,
  error: 'time limit reached',
});

/**
 * When a page stops trying its controls: at the end of its budget. The start page runs alone, and
 * the pages it links to run after it, several at once: it leaves them at least half of the time
 * left (Unleash's project list, with its whole budget, took 173 s of a 252 s crawl and left the
 * page a level down, where flags are created, 77 s). A start page that links to no other document
 * has nothing to leave time for (explore-page.ts gives it the crawl's).
 */
export function pageDeadline(
  limits: Pick<CrawlLimits, 'deadline' | 'pageBudgetMs' | 'maxPages'>,
  depth: number,
  now = performance.now(),
): number {
  const deadline = Math.min(limits.deadline, now + limits.pageBudgetMs);
  const leavesHalf = depth === 0 && limits.maxPages > 1;
  return leavesHalf ? Math.min(deadline, now + (limits.deadline - now) / 2) : deadline;
}

async function attempt(
  env: ExplorationEnv,
  request: CrawlRequest,
  id: string,
  options: PageOptions,
): Promise<Attempt> {
  const started = performance.now();
  try {
    const explored = await explorePage(env, { ...request, id }, options);
    return { request, id, ms: Math.round(performance.now() - started), explored };
  } catch (error) {
    return {
      request,
      id,
      ms: Math.round(performance.now() - started),
      error: briefError(error),
    };
  }
}

function record(result: CrawlResult, entry: Attempt, frontier: CrawlFrontier, events: EventSink): void {
  if ('error' in entry) {
    result.issues.push({ url: entry.request.url, message: `not explored: ${entry.error}` });
    events({ type: 'log', level: 'warn', message: `could not explore ${entry.request.url}: ${entry.error}` });
    return;
  }
  const { page, issues, discovered, baseline } = entry.explored;
  const finalKey = crawlKey(page.url);
  const duplicate = result.pageIdByUrl.get(finalKey);
  result.pageIdByUrl.set(entry.request.url, duplicate ?? entry.id);
  if (duplicate) return; // a redirect landed on a page explored already
  result.pageIdByUrl.set(finalKey, entry.id);
  frontier.markSeen(finalKey);
  result.pages.push(page);
  result.perPageMs[entry.id] = entry.ms;
  result.issues.push(...issues.map((message) => ({ url: page.url, message })));
  result.navigations.set(entry.id, discovered);
  if (baseline) result.baselines.set(entry.id, baseline);
  for (const found of discovered) frontier.add(found.url, entry.request.depth + 1);
  events({ type: 'log', level: 'info', message: `explored ${page.path} in ${entry.ms} ms` });
}
