// In-place editing of what a flow created: its text, shown in the state, double-clicked. If that
// opens a text box (an item's editor), the box is then typed into and committed with Enter, and
// typed into and cancelled with Escape. The item's text and its editor are not interactive
// elements a crawl records (a label, a box made on demand), so both are described here by the
// locators the state and the double-click showed.
import type {
  ObservedInteraction,
  StateFlow,
  UiEffect,
  UiElement,
  UiLocator,
} from '../../core/page-model.ts';
import { freeId, slug } from './element-ids.ts';
import type { InteractionPlan } from './plan-interactions.ts';

const MAX_ITEM_TEXTS = 1;

function element(id: string, role: string, name: string, locator: UiLocator, value: string): UiElement {
  return {
    ...{ id, role, name, tag: role === 'textbox' ? 'input' : 'label', inputType: undefined, locator },
    ...{ visible: true, enabled: true, region: undefined, value, constraints: undefined, destructive: false },
  };
}

/** Texts of the state equal to what the flow typed: the items it created, as double-click targets. */
export function createdTexts(flow: StateFlow, effects: UiEffect[], taken: Set<string>): UiElement[] {
  const typed = new Set(flow.actions.flatMap((action) => (action.kind === 'fill' ? [action.value] : [])));
  return effects
    .flatMap((effect) =>
      effect.kind === 'appeared' && effect.target.strategy === 'text' && typed.has(effect.target.text)
        ? [effect.target]
        : [],
    )
    .slice(0, MAX_ITEM_TEXTS)
    .map((locator) => {
      const text = locator.strategy === 'text' ? locator.text : '';
      return element(freeId(`text-${slugOf(text)}`, taken), 'text', text, locator, text);
    });
}

export function doubleClickPlans(texts: UiElement[]): InteractionPlan[] {
  return texts.map((text) => ({ setup: [], action: { kind: 'dblclick', target: text.id }, restore: [] }));
}

/** After a double-click opened a text box: commit a changed text with Enter, and cancel with Escape. */
export function editPlans(
  interactions: ObservedInteraction[],
  texts: UiElement[],
  taken: Set<string>,
): { elements: UiElement[]; plans: InteractionPlan[] } {
  const elements: UiElement[] = [];
  const plans: InteractionPlan[] = [];
  for (const interaction of interactions) {
    const text = texts.find((candidate) => candidate.id === interaction.action.target);
    if (interaction.action.kind !== 'dblclick' || !text || !interaction.reproducible) continue;
    // The editor appeared, or took the place of an element the page re-rendered (its value then
    // shows as changed): either way a text box is now there.
    const editor = interaction.effects
      .flatMap((effect) =>
        effect.kind === 'appeared' || effect.kind === 'value-changed' ? [effect.target] : [],
      )
      .find((target) => target.strategy === 'role' && target.role === 'textbox');
    if (!editor || editor.strategy !== 'role') continue;
    const name = editor.name ?? '';
    const id = freeId(`textbox-${slugOf(name || 'edit')}`, taken);
    const box = element(id, 'textbox', name, editor, text.name);
    elements.push(box);
    const open = interaction.action;
    const typed = { kind: 'fill' as const, target: box.id, value: `${text.name} edited` };
    plans.push(
      { setup: [open, typed], action: { kind: 'press', target: box.id, key: 'Enter' }, restore: [] },
      { setup: [open, typed], action: { kind: 'press', target: box.id, key: 'Escape' }, restore: [] },
    );
  }
  return { elements, plans };
}

const slugOf = (text: string): string => slug(text, 30) || 'item';
