// The navigation graph: which explored page leads to which, via which element. Links are
// resolved to the page they led to when crawled; buttons that navigated add edges links lack.
import type { NavigationEdge, PageModel } from '../../core/page-model.ts';
import { crawlKey } from './crawl-frontier.ts';

/** Sets each internal link's target page id and returns the edges between explored pages. */
export function linkPages(
  pages: PageModel[],
  pageIdByUrl: Map<string, string>,
  navigations: Map<string, { url: string; via: string }[]>,
): NavigationEdge[] {
  const edges: NavigationEdge[] = [];
  const known = new Set<string>();
  const addEdge = (from: PageModel, to: string | undefined, elementId: string): void => {
    const element = from.elements.find((candidate) => candidate.id === elementId);
    if (!to || to === from.id || !element || known.has(`${from.id} ${to}`)) return;
    known.add(`${from.id} ${to}`);
    edges.push({ from: from.id, to, via: element.locator });
  };
  for (const page of pages) {
    for (const link of page.links) {
      if (!link.internal) continue;
      link.target = targetOf(link.href, pageIdByUrl);
      addEdge(page, link.target, link.elementId);
    }
    for (const navigation of navigations.get(page.id) ?? []) {
      addEdge(page, targetOf(navigation.url, pageIdByUrl), navigation.via);
    }
  }
  return edges;
}

function targetOf(url: string, pageIdByUrl: Map<string, string>): string | undefined {
  try {
    return pageIdByUrl.get(crawlKey(url));
  } catch {
    return undefined;
  }
}
