// Which of a page's discovered pages the crawl visits first, when its page limit cannot take them
// all: one item of the page's own collection (`/things` → `/things/42`) before the site's other
// sections, since an item's page is where an app's data is changed and removed; and the page
// itself with another query (a box that writes its filter into the URL, `/things?query=test`)
// last, since the interaction that wrote it already showed what it does.
import type { Discovered } from './page-links.ts';

const trimmed = (path: string): string => path.replace(/\/+$/, '');

function placeOf(page: URL, url: string): 'item' | 'same-page' | 'other' {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'other';
  }
  if (target.origin !== page.origin) return 'other';
  const base = trimmed(page.pathname);
  const path = trimmed(target.pathname);
  if (path === base) return 'same-page';
  // The root is everyone's parent: only a page of its own path has items under it.
  return base !== '' && path.startsWith(`${base}/`) ? 'item' : 'other';
}

/** `found` reordered: the first item of the page's collection, the rest as found, the same page last. */
export function itemsFirst(pageUrl: string, found: Discovered[]): Discovered[] {
  const page = new URL(pageUrl);
  const places = found.map((entry) => placeOf(page, entry.url));
  const item = places.indexOf('item');
  const first = item >= 0 ? [found[item]!] : [];
  const middle = found.filter((_, index) => index !== item && places[index] !== 'same-page');
  const last = found.filter((_, index) => places[index] === 'same-page');
  return [...first, ...middle, ...last];
}
