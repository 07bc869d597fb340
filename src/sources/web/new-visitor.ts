// Opening a link as someone else would: a link the app hands out (a share link) must carry its
// state in the URL, so it is opened with this origin's cookies and storage cleared, from a
// blank page (a link differing only in its fragment would otherwise not load the page again).
// Generated tests do the same (support/links.ts), so what is observed here is what they check.
import type { Locator, Page } from '@playwright/test';

// Evaluated in the page; strings, so no transpiler helpers reach the page (see in-page-script.ts).
const CLEAR_STORAGE = 'try { localStorage.clear(); sessionStorage.clear(); } catch {}';
const LINK_OF = new Function(
  'element',
  "return ['input', 'textarea', 'output', 'select'].includes(element.localName) ? element.value : (element.getAttribute('href') ?? element.innerText);",
) as (element: unknown) => string;

/** The absolute URL an element holds: a field's value, a link's href, else its text. */
export async function linkHeldBy(holder: Locator, base: string): Promise<string> {
  return new URL((await holder.evaluate(LINK_OF)).trim(), base).href;
}

/** Whether a value is an absolute URL on this origin: something a share link would hold. */
export function isSameOriginUrl(value: string | undefined, origin: string): boolean {
  if (!value || !/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).origin === origin;
  } catch {
    return false;
  }
}

export async function openAsNewVisitor(page: Page, url: string): Promise<void> {
  await page.context().clearCookies();
  await page.evaluate(CLEAR_STORAGE);
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'domcontentloaded' });
}
