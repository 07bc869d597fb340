// A replayed step acts on a fresh load of its page, and "settled" only says the page was quiet
// once: an app may then start rendering or fetching again (a long render on a busy machine, a
// saved sort written into the URL and fetched anew), showing its controls as loading
// placeholders (a `skeleton` without pointer events) for longer than an action's own timeout.
// A submit may also stay disabled while the app checks what was typed with its server (a
// flag's name, unique per project), longer than that timeout when the machine is busy. So a
// step first waits, bounded, for its target to be there, real and enabled.
import type { Page } from '@playwright/test';
import type { UiLocator } from '../../core/page-model.ts';
import { statesOfMatches } from './in-page-script.ts';
import type { MatchState } from './in-page-script.ts';
import { placeholdersShow } from './settle-page.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

export interface ActionableBounds {
  /**
   * How long a target that is not there yet (or disabled), on a page showing no placeholder, is
   * waited for. It was enabled when recorded: what disables it now is passing.
   */
  absentMs: number;
  /** How long while the target, or anything on the page, is a loading placeholder. */
  loadingMs: number;
}

const POLL_MS = 100;

/**
 * Until `target` matches a shown, enabled element that is no placeholder (and no shown match is
 * one), or its bound passes: then the action runs anyway and its own timeout says what went wrong.
 */
export async function waitForActionable(
  page: Page,
  target: UiLocator,
  bounds: ActionableBounds,
): Promise<void> {
  const started = performance.now();
  const locator = toPlaywrightLocator(page, target);
  let loadingSeen = false;
  for (;;) {
    // A navigation replacing the document mid-call: nothing to act on yet.
    const matches = await statesOfMatches(locator).catch((): MatchState[] => []);
    const shown = matches.filter((match) => match.visible);
    const placeholderShown = shown.some((match) => match.placeholder);
    if (shown.length > 0 && !placeholderShown && shown.some((match) => match.enabled)) return;
    loadingSeen ||= placeholderShown || (await placeholdersShow(page));
    const elapsed = performance.now() - started;
    if (elapsed >= (loadingSeen ? bounds.loadingMs : bounds.absentMs)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
