// Drives one explored page through its interactions: acts on recorded elements by their
// locators, waits for the page to settle, snapshots observable state, and can start over from
// a fresh load (new context) whenever the page cannot be brought back to its initial state.
import type { UiAction, UiElement, UiLocator, Viewport } from '../../core/page-model.ts';
import { mapLimit } from './map-limit.ts';
import { callInPage, keysOfMatches } from './in-page-script.ts';
import type { PageSnapshot } from './in-page-types.ts';
import { closePageSession, openPageSession } from './page-session.ts';
import type { ExplorationEnv, PageSession } from './page-session.ts';
import { waitForSettled } from './settle-page.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

const ACTION_TIMEOUT_MS = 3_000;
// Quiet windows after an action (network requests it starts are awaited on top): apps react
// within a frame; free text is often debounced (~300 ms), so typing gets a longer window.
const ACTION_QUIET_MS = 150;
const TYPING_QUIET_MS = 400;
export const RESTORE_QUIET_MS = 100;
const typingRoles = new Set(['textbox', 'searchbox', 'combobox']);

export class PageDriver {
  session!: PageSession;
  baseline!: PageSnapshot;
  /** Recorded element id → internal key in the current document, and back. */
  private keyById = new Map<string, string>();
  private idByKey = new Map<string, string>();
  readonly elementsById: Map<string, UiElement>;
  /** Every session this driver used, so events of reloaded pages are not lost. */
  readonly sessions: PageSession[] = [];

  constructor(
    private readonly env: ExplorationEnv,
    private readonly url: string,
    private readonly viewport: Viewport,
    elements: UiElement[],
  ) {
    this.elementsById = new Map(elements.map((element) => [element.id, element]));
  }

  get page(): PageSession['page'] {
    return this.session.page;
  }

  /** Adopts an already open session whose element keys are known (the first load). */
  async adopt(session: PageSession, idByKey: Map<string, string>): Promise<void> {
    this.session = session;
    this.sessions.push(session);
    this.idByKey = new Map(idByKey);
    this.keyById = new Map([...idByKey].map(([key, id]) => [id, key]));
    this.baseline = await this.snapshot();
  }

  /** Closes the current session and loads the page again in a fresh context. */
  async reopen(): Promise<void> {
    if (this.session) await closePageSession(this.session);
    await this.adoptFresh(await openPageSession(this.env, this.url, { viewport: this.viewport }));
  }

  /** Adopts a freshly loaded session: finds every recorded element in it by its locator. */
  async adoptFresh(session: PageSession): Promise<void> {
    this.session = session;
    this.sessions.push(session);
    const keys = await mapLimit([...this.elementsById.values()], 8, async (element) => {
      const matches = await keysOfMatches(
        toPlaywrightLocator(this.page, element.locator, { includeHidden: !element.visible }),
      ).catch(() => []);
      return [element.id, matches.length === 1 ? matches[0] : undefined] as const;
    });
    this.keyById = new Map(keys.filter((entry): entry is [string, string] => entry[1] !== undefined));
    this.idByKey = new Map([...this.keyById].map(([id, key]) => [key, id]));
    this.baseline = await this.snapshot();
  }

  async close(): Promise<void> {
    if (this.session) await closePageSession(this.session);
  }

  keyOf(elementId: string): string | undefined {
    return this.keyById.get(elementId);
  }

  idOf(key: string): string | undefined {
    return this.idByKey.get(key);
  }

  /** Locators of recorded elements by internal key, for effect targets. */
  elementLocators(): Map<string, UiLocator> {
    const entries = [...this.idByKey].map(([key, id]) => [key, this.elementsById.get(id)?.locator] as const);
    return new Map(entries.filter((entry): entry is [string, UiLocator] => entry[1] !== undefined));
  }

  snapshot(): Promise<PageSnapshot> {
    return callInPage<PageSnapshot>(this.page, 'snapshot');
  }

  async atBaseline(): Promise<boolean> {
    const now = await this.snapshot().catch(() => undefined);
    return now !== undefined && JSON.stringify(now) === JSON.stringify(this.baseline);
  }

  /** The quiet window that follows an action on this element. */
  quietAfter(action: UiAction): number {
    const element = this.elementsById.get(action.target);
    const typing =
      action.kind === 'fill' && element?.tag !== 'select' && typingRoles.has(element?.role ?? '');
    return typing ? TYPING_QUIET_MS : ACTION_QUIET_MS;
  }

  async settle(quietMs = ACTION_QUIET_MS): Promise<void> {
    const timeoutMs = Math.min(3_000, this.env.settleTimeoutMs);
    await waitForSettled(this.page, this.session.network, { quietMs, timeoutMs });
  }

  async act(action: UiAction): Promise<void> {
    const element = this.elementsById.get(action.target);
    if (!element) throw new Error(`unknown element ${action.target}`);
    const locator = toPlaywrightLocator(this.page, element.locator);
    const options = { timeout: ACTION_TIMEOUT_MS };
    switch (action.kind) {
      case 'click':
        return locator.click(options);
      case 'fill':
        return locator.fill(action.value, options);
      case 'select':
        return void (await locator.selectOption(action.value, options));
      case 'check':
        return locator.check(options);
      case 'uncheck':
        return locator.uncheck(options);
      case 'press':
        return locator.press(action.key, options);
    }
  }
}
