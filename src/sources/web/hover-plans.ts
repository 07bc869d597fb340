// Controls an app shows only under the pointer (an item's remove button): a state added them
// hidden. Pointing at the visible control just before one in the document (the same item's
// checkbox or edit button) is what a user does; whatever that reveals is then clicked as a
// follow-up, with the pointing as its setup.
import type { InteractionPlan } from './plan-interactions.ts';
import type { StateElements } from './state-elements.ts';

const MAX_HOVERS = 2;

export function hoverPlans(state: StateElements): InteractionPlan[] {
  const hidden = new Set(state.hiddenAdded.map((element) => element.id));
  const visible = new Set(state.added.map((element) => element.id));
  const targets: string[] = [];
  let lastVisible: string | undefined;
  for (const id of state.addedOrder) {
    if (visible.has(id)) lastVisible = id;
    else if (hidden.has(id) && lastVisible && !targets.includes(lastVisible)) targets.push(lastVisible);
  }
  return targets
    .slice(0, MAX_HOVERS)
    .map((target) => ({ setup: [], action: { kind: 'hover' as const, target }, restore: [] }));
}
