import type { Locator, Page } from '@playwright/test';

/** What a user can act on: links, buttons, fields, and their ARIA and editable equivalents. */
const CONTROLS =
  'a[href], button, input, select, textarea, [role=button], [role=link], [role=textbox], [contenteditable=true]';

/**
 * Waits (bounded) for `scope` to show a control when it shows none yet: an app's shell before its
 * script renders the page, a dialog shown before the form it loads on demand. Answers whether it
 * had to wait; a scope that truly has no control costs the wait once.
 */
export async function awaitFirstControl(scope: Page | Locator, timeoutMs: number): Promise<boolean> {
  const controls = scope.locator(CONTROLS).filter({ visible: true });
  if ((await controls.count()) > 0) return false;
  await controls
    .first()
    .waitFor({ timeout: timeoutMs })
    .catch(() => undefined);
  return true;
}
