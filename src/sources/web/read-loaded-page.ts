// Everything a settled first load shows without touching it: facts, interactive elements,
// forms, links, and the interactions worth trying. Also refuses pages that are not ours to
// explore (another origin after redirects, not HTML).
import type { Page } from '@playwright/test';
import { collectElements } from './collect-elements.ts';
import type { CollectedElements } from './collect-elements.ts';
import { collectForms } from './collect-forms.ts';
import type { CollectedForm } from './collect-forms.ts';
import { readPageFacts } from './page-facts.ts';
import { awaitFirstControl } from './shown-controls.ts';
import type { PageFacts } from './page-facts.ts';
import { elementIssues, loadDialogIssues } from './page-issues.ts';
import { LOAD_QUIET_MS } from './page-session.ts';
import type { PageSession } from './page-session.ts';
import { planInteractions } from './plan-interactions.ts';
import type { InteractionPlan, PlanContext } from './plan-interactions.ts';
import { placeholdersShow, waitForSettled } from './settle-page.ts';
import type { NetworkTracker } from './settle-page.ts';

export interface LoadedPage {
  url: URL;
  facts: PageFacts;
  collected: CollectedElements;
  forms: CollectedForm[];
  context: PlanContext;
  plans: InteractionPlan[];
  issues: string[];
}

function assertExplorable(session: PageSession, origin: string): URL {
  const url = new URL(session.page.url());
  if (url.origin !== origin) throw new Error(`it redirected to another origin (${url.origin})`);
  if (!/html/i.test(session.contentType)) throw new Error(`it is not an HTML page (${session.contentType})`);
  return url;
}

export async function readLoadedPage(
  session: PageSession,
  origin: string,
  options: { maxElements: number; allowDestructive: boolean },
): Promise<LoadedPage> {
  const url = assertExplorable(session, origin);
  const page: Page = session.page;
  const issues = loadDialogIssues(session.events);
  // A page that never settles cannot tell "loaded more" from its own churn: it is not scrolled.
  if (session.load.settled && (await scrollForMore(page, session.network)) > 0) {
    issues.push('more content loaded on scroll (explored)');
  }
  // An app still starting shows nothing to act on: its shell is quiet (nothing requested, nothing
  // changing) before its script renders anything. A page with no control at all gets a bounded
  // wait for one to show, then settles again; a page that truly has none costs that wait once.
  if (await awaitFirstControl(page, READ_EMPTY_WAIT_MS))
    await waitForSettled(page, session.network, { quietMs: LOAD_QUIET_MS, timeoutMs: READ_EMPTY_WAIT_MS });
  // Placeholders showing as the page is read (it settled at its window's end with one still
  // there, or began loading again just after: an app writing its saved sort into the URL and
  // fetching anew): the controls inside them are not recorded, so they get a bounded wait to go.
  if (await placeholdersShow(page)) {
    await waitForSettled(page, session.network, {
      quietMs: LOAD_QUIET_MS,
      timeoutMs: READ_PLACEHOLDER_WAIT_MS,
    });
  }
  const facts = await readPageFacts(page);
  const collected = await collectElements(page, options.maxElements);
  issues.push(...elementIssues(collected));
  const forms = await collectForms(page, collected);
  const postingForms = new Set(forms.filter((form) => form.method === 'post').map((form) => form.key));
  const context = { ...collected, allowDestructive: options.allowDestructive, postingForms };
  return { url, facts, collected, forms, context, plans: planInteractions(context), issues };
}

/** How long a page being read waits for its loading placeholders to go. */
const READ_PLACEHOLDER_WAIT_MS = 5_000;

/** How long a page with no control at all waits for one to show (an app still starting). */
const READ_EMPTY_WAIT_MS = 5_000;

// Infinite scroll: scrolls to the bottom a bounded number of times while the page keeps
// growing, so lazily loaded content is explored too, then returns to the top.
const MAX_SCROLLS = 5;

// Expressions as strings: evaluated as written, without transpiler helpers (see in-page-script.ts).
const heightExpression = 'document.documentElement.scrollHeight';
const viewportExpression = 'window.innerHeight';

/** Returns how many scrolls loaded more content (0 for an ordinary page). */
async function scrollForMore(page: Page, network: NetworkTracker): Promise<number> {
  let height = await page.evaluate<number>(heightExpression);
  if (height <= (await page.evaluate<number>(viewportExpression))) return 0;
  let grew = 0;
  for (let scroll = 0; scroll < MAX_SCROLLS; scroll += 1) {
    await page.evaluate(`window.scrollTo(0, ${height})`);
    await waitForSettled(page, network, { quietMs: 250, timeoutMs: 2_000 });
    const next = await page.evaluate<number>(heightExpression);
    if (next <= height) break;
    height = next;
    grew += 1;
  }
  await page.evaluate('window.scrollTo(0, 0)');
  if (grew > 0) await waitForSettled(page, network, { quietMs: 250, timeoutMs: 2_000 });
  return grew;
}
