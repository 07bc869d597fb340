// Sessions that start from a state instead of a fresh load: a fresh context in which a flow ran
// on its own page, then another page of the site opened (a new document, like following a link).
import type { PageModel, StateFlow, UiAction, UiLocator } from '../../core/page-model.ts';
import { waitForActionable } from './actionable-target.ts';
import { DESKTOP_VIEWPORT } from './explore-page.ts';
import { performAction } from './perform-action.ts';
import { LOAD_QUIET_MS, closePageSession, openPageSession } from './page-session.ts';
import type { ExplorationEnv, PageSession } from './page-session.ts';
import { waitForSettled } from './settle-page.ts';
import { awaitFirstControl } from './shown-controls.ts';

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
      await replayStep(env, session, element.locator, action);
    }
    return session;
  } catch (error) {
    await closePageSession(session);
    throw error;
  }
}

/**
 * One step of a replayed flow on a fresh load: once its target is there and no loading
 * placeholder (bounded by the load's own windows), acted on, then settled.
 */
export async function replayStep(
  env: ExplorationEnv,
  session: PageSession,
  target: UiLocator,
  action: UiAction,
): Promise<void> {
  await waitForActionable(session.page, target, {
    absentMs: env.settleTimeoutMs,
    loadingMs: 2 * env.settleTimeoutMs,
  });
  await performAction(session.page, target, action);
  const settle = () =>
    waitForSettled(session.page, session.network, {
      quietMs: FLOW_QUIET_MS,
      timeoutMs: Math.min(3_000, env.settleTimeoutMs),
    });
  await settle();
  // A dialog the step opened may show before what it holds (its form loaded on demand): read
  // empty, two replays of the same flow differ. It gets a bounded wait for a control in it.
  const dialog = session.page.locator(DIALOGS).filter({ visible: true }).last();
  if ((await dialog.count()) > 0 && (await awaitFirstControl(dialog, env.settleTimeoutMs))) await settle();
}

const DIALOGS = '[role=dialog], [role=alertdialog], dialog[open]';

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
