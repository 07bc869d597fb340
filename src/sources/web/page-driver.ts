// Drives one explored page through its interactions: acts on recorded elements by their
// locators, waits for the page to settle, snapshots observable state, and can start over from
// a fresh load (new context) whenever the page cannot be brought back to its initial state:
// the same DOM and the same cookies and storage as when it was loaded.
import type { UiAction, UiElement, UiLocator } from '../../core/page-model.ts';
import { mapLimit } from '../../core/map-limit.ts';
import { performAction } from './perform-action.ts';
import { callInPage, keysOfMatches } from './in-page-script.ts';
import type { PageSnapshot } from './in-page-types.ts';
import { closePageSession } from './page-session.ts';
import type { ExplorationEnv, PageSession } from './page-session.ts';
import { waitForSettled } from './settle-page.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

// Quiet windows after an action (network requests it starts are awaited on top): apps react
// within a frame; free text is often debounced (~300 ms), so typing gets a longer window.
const ACTION_QUIET_MS = 150;
const TYPING_QUIET_MS = 400;
export const RESTORE_QUIET_MS = 100;
const typingRoles = new Set(['textbox', 'searchbox', 'combobox']);

/** Opens the driver's page in a fresh context, at its starting state (settled). */
export type SessionOpener = () => Promise<PageSession>;

// Evaluated in the page as a string, so no transpiler helper reaches it (see in-page-script.ts).
const WEB_STORAGE = `(() => {
  try {
    const read = (store) => Object.keys(store).sort().map((key) => [key, store.getItem(key)]);
    return JSON.stringify([read(localStorage), read(sessionStorage)]);
  } catch { return ''; }
})()`;

/** What an app keeps besides the DOM: cookies, local and session storage. */
async function storageOf(session: PageSession): Promise<string> {
  const [web, cookies] = await Promise.all([
    session.page.evaluate<string>(WEB_STORAGE),
    session.context.cookies(),
  ]);
  return JSON.stringify([web, cookies.map((cookie) => [cookie.name, cookie.value])]);
}

/** A fresh load with every recorded element found in it: what `reopen` switches to. */
interface FreshLoad {
  session: PageSession;
  keyById: Map<string, string>;
  baseline: PageSnapshot;
  storage: string;
}

export class PageDriver {
  session!: PageSession;
  baseline!: PageSnapshot;
  /** Recorded element id → internal key in the current document, and back. */
  private keyById = new Map<string, string>();
  private idByKey = new Map<string, string>();
  readonly elementsById: Map<string, UiElement>;
  /** Ids of controls an action rendered: no fresh load holds them, so none is searched for them. */
  private readonly rendered = new Set<string>();
  /** Every session this driver used, so events of reloaded pages are not lost. */
  readonly sessions: PageSession[] = [];

  private baselineStorage = '';
  /** No action since the current load was opened: it is still a fresh load. */
  private untouched = false;

  constructor(
    private readonly env: ExplorationEnv,
    private readonly open: SessionOpener,
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
    this.baselineStorage = await storageOf(session);
  }

  /** Closes the current session and loads the page again in a fresh context. */
  async reopen(): Promise<void> {
    if (this.untouched) return; // nothing was done on this load since it was opened
    if (this.session) await closePageSession(this.session);
    this.take(await this.freshLoad());
  }

  /** Adopts a freshly loaded session: finds every recorded element in it by its locator. */
  async adoptFresh(session: PageSession): Promise<void> {
    this.take(await this.locateAll(session));
  }

  async close(): Promise<void> {
    if (this.session) await closePageSession(this.session);
  }

  private async freshLoad(): Promise<FreshLoad> {
    const session = await this.open();
    try {
      return await this.locateAll(session);
    } catch (error) {
      await closePageSession(session);
      throw error;
    }
  }

  private async locateAll(session: PageSession): Promise<FreshLoad> {
    const recorded = [...this.elementsById.values()].filter((element) => !this.rendered.has(element.id));
    const keys = await mapLimit(recorded, 8, async (element) => {
      const matches = await keysOfMatches(
        toPlaywrightLocator(session.page, element.locator, { includeHidden: !element.visible }),
      ).catch(() => []);
      return [element.id, matches.length === 1 ? matches[0] : undefined] as const;
    });
    const keyById = new Map(keys.filter((entry): entry is [string, string] => entry[1] !== undefined));
    const baseline = await callInPage<PageSnapshot>(session.page, 'snapshot');
    return { session, keyById, baseline, storage: await storageOf(session) };
  }

  private take(load: FreshLoad): void {
    this.session = load.session;
    this.sessions.push(load.session);
    this.keyById = load.keyById;
    this.idByKey = new Map([...load.keyById].map(([id, key]) => [key, id]));
    this.baseline = load.baseline;
    this.baselineStorage = load.storage;
    this.untouched = true;
  }

  /** A control an action rendered (rendered-controls.ts): acted on by its locator once shown. */
  addRendered(element: UiElement): void {
    this.elementsById.set(element.id, element);
    this.rendered.add(element.id);
  }

  keyOf(elementId: string): string | undefined {
    return this.keyById.get(elementId);
  }

  /**
   * The element's key in the page as it is now: the one found at load, else found by its locator
   * (a control an earlier step rendered, such as a menu's item).
   */
  async keyNow(elementId: string): Promise<string | undefined> {
    const known = this.keyById.get(elementId);
    const element = this.elementsById.get(elementId);
    if (known !== undefined || element === undefined) return known;
    const matches = await keysOfMatches(toPlaywrightLocator(this.page, element.locator)).catch(() => []);
    return matches.length === 1 ? matches[0] : undefined;
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

  /** Back where it was loaded: the same observable DOM, cookies and storage. */
  async atBaseline(): Promise<boolean> {
    const now = await this.snapshot().catch(() => undefined);
    if (now === undefined || JSON.stringify(now) !== JSON.stringify(this.baseline)) return false;
    return (await storageOf(this.session).catch(() => undefined)) === this.baselineStorage;
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
    this.untouched = false;
    const element = this.elementsById.get(action.target);
    if (!element) throw new Error(`unknown element ${action.target}`);
    await performAction(this.page, element.locator, action);
  }
}
