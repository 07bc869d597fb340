// Links of a page as the model records them, and the same-origin URLs the crawl should visit
// next: followed links (not downloads, not destructive ones) and where buttons navigated to.
import type { UiLink } from '../../core/page-model.ts';
import type { CollectedElements } from './collect-elements.ts';

export interface Discovered {
  url: string;
  /** Element id on the page that leads there. */
  via: string;
}

export function linksOf(collected: CollectedElements, origin: string): UiLink[] {
  return collected.elements.flatMap((element) => {
    const facts = collected.facts.get(element.id);
    if (element.role !== 'link' || !facts?.href) return [];
    let internal = false;
    try {
      internal = new URL(facts.href).origin === origin;
    } catch {
      // an unparsable href is recorded as it is, as an external link
    }
    return [
      {
        elementId: element.id,
        text: element.name || facts.text,
        href: facts.href,
        internal,
        target: undefined,
      },
    ];
  });
}

export function linksToFollow(
  links: UiLink[],
  collected: CollectedElements,
  allowDestructive: boolean,
): Discovered[] {
  return links.flatMap((link) => {
    const element = collected.elements.find((candidate) => candidate.id === link.elementId);
    const facts = collected.facts.get(link.elementId);
    if (!link.internal || !element || facts?.opensElsewhere) return [];
    if (element.destructive && !allowDestructive) return []; // e.g. /logout would end the session
    return [{ url: link.href, via: link.elementId }];
  });
}

/**
 * Discovered URLs taken in turn from each family of controls that led to them (a "popular" list,
 * the cards of a catalogue, the main menu), so a page budget samples every family instead of
 * being spent on the first long list. A family is the role and region of the controls, plus
 * their verb for buttons ("Configure …").
 */
export function interleaveFamilies(found: Discovered[], collected: CollectedElements): Discovered[] {
  const families = new Map<string, Discovered[]>();
  for (const entry of found) {
    const element = collected.elements.find((candidate) => candidate.id === entry.via);
    const verb =
      element && element.role !== 'link' ? (/^\S+/.exec(element.name.toLowerCase())?.[0] ?? '') : '';
    const family = element ? `${element.role}|${element.region ?? ''}|${verb}` : entry.via;
    families.set(family, [...(families.get(family) ?? []), entry]);
  }
  const lists = [...families.values()];
  const interleaved: Discovered[] = [];
  for (let index = 0; interleaved.length < found.length; index += 1) {
    for (const list of lists) if (index < list.length) interleaved.push(list[index]!);
  }
  return interleaved;
}
