// Controls an app shows only under the pointer (an item's remove button): a state added them
// hidden. Pointing at a visible control of the same list item or row (its checkbox) is what a
// user does; whatever that reveals is then clicked as a follow-up, with the pointing as setup.
import type { Page } from '@playwright/test';
import type { UiElement } from '../../core/page-model.ts';
import type { InteractionPlan } from './plan-interactions.ts';
import type { StateElements } from './state-elements.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

const MAX_HOVERS = 2;
// An item of a collection: what a pointer rests on to reveal that item's own controls.
const ITEM = 'li, tr, [role="listitem"], [role="row"], article';

/** Whether `hidden` and `visible` sit in the same list item or row of the page. */
async function sameItem(page: Page, hidden: UiElement, visible: UiElement): Promise<boolean> {
  const hiddenHandle = await toPlaywrightLocator(page, hidden.locator, { includeHidden: true })
    .elementHandle({ timeout: 1_000 })
    .catch(() => null);
  const visibleHandle = await toPlaywrightLocator(page, visible.locator)
    .elementHandle({ timeout: 1_000 })
    .catch(() => null);
  if (!hiddenHandle || !visibleHandle) return false;
  return hiddenHandle
    .evaluate(
      (element, [other, selector]) => {
        const item = (element as unknown as InPageElement).closest(selector as string);
        return item !== null && item.contains(other);
      },
      [visibleHandle, ITEM] as const,
    )
    .catch(() => false);
}

/** The little of the DOM the check above uses (this project compiles without the DOM library). */
interface InPageElement {
  closest(selector: string): { contains(other: unknown): boolean } | null;
}

/** Pointing at the visible control just before each hidden one in the same item, a few at most. */
export async function hoverPlans(page: Page, state: StateElements): Promise<InteractionPlan[]> {
  const byId = new Map(state.elements.map((element) => [element.id, element]));
  const hidden = new Set(state.hiddenAdded.map((element) => element.id));
  const visible = new Set(state.added.map((element) => element.id));
  const targets: string[] = [];
  let lastVisible: string | undefined;
  for (const id of state.addedOrder) {
    if (targets.length >= MAX_HOVERS) break;
    if (visible.has(id)) lastVisible = id;
    else if (hidden.has(id) && lastVisible && !targets.includes(lastVisible)) {
      if (await sameItem(page, byId.get(id)!, byId.get(lastVisible)!)) targets.push(lastVisible);
    }
  }
  return targets.map((target) => ({ setup: [], action: { kind: 'hover' as const, target }, restore: [] }));
}
