// What a page does on its own while being explored: console errors, failed requests, dialogs
// (dismissed, so an alert() never blocks the run; one accepted only when asked for, see
// `acceptNextDialog`) and new tabs (closed). Interactions read the
// dialogs and tabs that appeared since they started, as effects.
import type { Dialog, Page, Request, Response } from '@playwright/test';

export interface SeenDialog {
  type: 'alert' | 'confirm' | 'prompt' | 'beforeunload';
  message: string;
}

const MAX_ENTRIES = 50;
const MAX_TEXT = 500;
// Our own refusals (reported as issues) and requests cut off by leaving the page are not failures.
const ignoredFailures = ['net::ERR_BLOCKED_BY_CLIENT', 'net::ERR_ABORTED'];

/** Requests that change data: anything but GET, HEAD, OPTIONS. */
export const isWrite = (request: Request): boolean => !['GET', 'HEAD', 'OPTIONS'].includes(request.method());

const bounded = (text: string): string => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

export interface EventsCursor {
  dialogs: number;
  popups: number;
  writes: number;
}

export class PageEvents {
  readonly consoleErrors: string[] = [];
  readonly failedRequests: { url: string; failure: string }[] = [];
  readonly dialogs: SeenDialog[] = [];
  readonly popups: string[] = [];
  /** Requests that changed data so far: an action that sent one changed the server's state. */
  writes = 0;
  private acceptNext = false;

  constructor(page: Page) {
    page.on('request', (request) => {
      if (isWrite(request)) this.writes += 1;
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.addConsoleError(message.text());
    });
    page.on('pageerror', (error) => this.addConsoleError(`Uncaught ${error.message}`));
    page.on('requestfailed', (request) => this.onRequestFailed(request));
    page.on('response', (response) => this.onResponse(response));
    page.on('dialog', (dialog) => void this.onDialog(dialog));
    page.on('popup', (popup) => void this.onPopup(popup));
    page.on('download', (download) => void download.cancel().catch(() => undefined));
  }

  /** Dialogs, new tabs and writes seen from `mark` on (a mark is `events.cursor()`). */
  since(mark: EventsCursor): { dialogs: SeenDialog[]; popups: string[]; writes: number } {
    return {
      dialogs: this.dialogs.slice(mark.dialogs),
      popups: this.popups.slice(mark.popups),
      writes: this.writes - mark.writes,
    };
  }

  /**
   * The next dialog (a confirm the click about to be made asks) is accepted, once; until
   * `keepDismissing()`. Only on an item the explorer itself just created: its remove, or the
   * cancel of its edit.
   */
  acceptNextDialog(): void {
    this.acceptNext = true;
  }

  keepDismissing(): void {
    this.acceptNext = false;
  }

  cursor(): EventsCursor {
    return { dialogs: this.dialogs.length, popups: this.popups.length, writes: this.writes };
  }

  private addConsoleError(text: string): void {
    const entry = bounded(text);
    if (this.consoleErrors.length < MAX_ENTRIES && !this.consoleErrors.includes(entry)) {
      this.consoleErrors.push(entry);
    }
  }

  private addFailure(url: string, failure: string): void {
    const known = this.failedRequests.some((entry) => entry.url === url && entry.failure === failure);
    if (!known && this.failedRequests.length < MAX_ENTRIES)
      this.failedRequests.push({ url: bounded(url), failure });
  }

  private onRequestFailed(request: Request): void {
    const failure = request.failure()?.errorText ?? 'failed';
    if (!ignoredFailures.includes(failure)) this.addFailure(request.url(), failure);
  }

  private onResponse(response: Response): void {
    if (response.status() >= 400) this.addFailure(response.url(), `HTTP ${response.status()}`);
  }

  private async onDialog(dialog: Dialog): Promise<void> {
    this.dialogs.push({ type: dialog.type() as SeenDialog['type'], message: bounded(dialog.message()) });
    // Leaving a page must stay possible; everything else is answered "no" so nothing is confirmed,
    // but for the one confirm asked for.
    const accept = dialog.type() === 'beforeunload' || this.acceptNext;
    this.acceptNext = false;
    await (accept ? dialog.accept() : dialog.dismiss()).catch(() => undefined);
  }

  private async onPopup(popup: Page): Promise<void> {
    await popup.waitForURL((url) => url.href !== 'about:blank', { timeout: 1_000 }).catch(() => undefined);
    this.popups.push(popup.url());
    await popup.close().catch(() => undefined);
  }
}
