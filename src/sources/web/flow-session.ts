// Sessions that start from a state instead of a fresh load: a fresh context in which a flow ran
// on its own page, then another page of the site opened (a new document, like following a link).
import type { PageModel, StateFlow } from '../../core/page-model.ts';
import { DESKTOP_VIEWPORT } from './explore-page.ts';
import { performAction } from './perform-action.ts';
import { LOAD_QUIET_MS, closePageSession, openPageSession } from './page-session.ts';
import type { ExplorationEnv, PageSession } from './page-session.ts';
import { waitForSettled } from './settle-page.ts';

const FLOW_QUIET_MS = 250;

/** A fresh context with the flow run on its page, settled after each action. */
export async function openFlowSession(
  env: ExplorationEnv,
  flowPage: PageModel,
  flow: StateFlow,
): Promise<PageSession> {
  const session = await openPageSession(env, flowPage.url, { viewport: DESKTOP_VIEWPORT });
  try {
    for (const action of flow.actions) {
      const element = flowPage.elements.find((candidate) => candidate.id === action.target);
      if (!element) throw new Error(`flow ${flow.id}: no element "${action.target}" on ${flowPage.id}`);
      await performAction(session.page, element.locator, action);
      await waitForSettled(session.page, session.network, {
        quietMs: FLOW_QUIET_MS,
        timeoutMs: Math.min(3_000, env.settleTimeoutMs),
      });
    }
    return session;
  } catch (error) {
    await closePageSession(session);
    throw error;
  }
}

/** Opens another page in the session's tab and waits until it settles. */
export async function visit(env: ExplorationEnv, session: PageSession, url: string): Promise<void> {
  const started = performance.now();
  const response = await session.page.goto(url, { waitUntil: 'domcontentloaded' });
  session.status = response?.status();
  session.contentType = (await response?.headerValue('content-type')) ?? '';
  session.load = await waitForSettled(
    session.page,
    session.network,
    { quietMs: LOAD_QUIET_MS, timeoutMs: env.settleTimeoutMs },
    started,
  );
}

/**
 * Opens `page` in the state the flow leaves behind: the opener of a state driver. In place, the
 * flow's page stays as the flow left it (opening it again would lose a state kept in the page).
 */
export function stateOpener(
  env: ExplorationEnv,
  flowPage: PageModel,
  flow: StateFlow,
  page: PageModel,
  inPlace = false,
) {
  return async (): Promise<PageSession> => {
    const session = await openFlowSession(env, flowPage, flow);
    try {
      if (!inPlace) await visit(env, session, page.url);
      return session;
    } catch (error) {
      await closePageSession(session);
      throw error;
    }
  };
}
