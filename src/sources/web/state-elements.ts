// The elements of a page in a state: those of its fresh load (matched by locator) with their
// visibility and enabled state as the state shows them, plus elements the state added (an
// item's Edit and Remove buttons). Added ones get ids that do not clash with the page's own.
import type { PageModel, UiElement, UiLocator } from '../../core/page-model.ts';
import type { CollectedElements } from './collect-elements.ts';
import { freeId } from './element-ids.ts';
import type { ElementFacts } from './in-page-types.ts';

export interface StateElements {
  /** What a driver in this state knows: every element, visible and enabled as in the state. */
  elements: UiElement[];
  /** In-page facts of the elements found in the state, by element id. */
  facts: Map<string, ElementFacts>;
  /** Elements first seen in the state, outside the shared landmarks. */
  added: UiElement[];
  /** Ids the state made visible or enabled, added ones included: what it is worth acting on. */
  changed: Set<string>;
  /**
   * Elements the state added that are hidden until something else happens (a remove button
   * shown under the pointer): in `elements` for follow-ups, not in `added` unless one is used.
   */
  hiddenAdded: UiElement[];
  /** Ids of added elements, hidden ones included, in document order. */
  addedOrder: string[];
}

const key = (locator: UiLocator): string => JSON.stringify(locator);

export function mergeStateElements(
  page: PageModel,
  collected: CollectedElements,
  shared: Set<string>,
): StateElements {
  const inState = new Map(collected.elements.map((element) => [key(element.locator), element]));
  const known = new Set(page.elements.map((element) => key(element.locator)));
  const taken = new Set(page.elements.map((element) => element.id));
  const facts = new Map<string, ElementFacts>();
  const changed = new Set<string>();
  const elements = page.elements.map((element): UiElement => {
    const found = inState.get(key(element.locator));
    if (!found) return { ...element, visible: false };
    facts.set(element.id, collected.facts.get(found.id)!);
    const opened = (found.visible && !element.visible) || (found.enabled && !element.enabled);
    if (opened) changed.add(element.id);
    return { ...element, visible: found.visible, enabled: found.enabled };
  });
  const added: UiElement[] = [];
  const hiddenAdded: UiElement[] = [];
  const addedOrder: string[] = [];
  for (const element of collected.elements) {
    if (known.has(key(element.locator)) || shared.has(element.region ?? '')) continue;
    const id = freeId(element.id, taken);
    facts.set(id, collected.facts.get(element.id)!);
    addedOrder.push(id);
    if (!element.visible) {
      hiddenAdded.push({ ...element, id });
      continue;
    }
    added.push({ ...element, id });
    changed.add(id);
  }
  const all = [...elements, ...added, ...hiddenAdded];
  return { elements: all, facts, added, changed, hiddenAdded, addedOrder };
}
