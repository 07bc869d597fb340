// Follow-up interactions planned from what earlier ones showed, each a question a user would
// ask of the page and a generated test can repeat:
// - a popup an action opened (tooltip, menu, listbox) closes again on Escape;
// - an action that creates something (a form submit, "Add …", text + Enter that added an item)
//   done twice shows how the page treats a duplicate (a second item, or a refusal);
// - a text filter combined with a choice that changes the same output (a search within a
//   selected tab) must honour both.
import type { UiAction, UiEffect } from '../../core/page-model.ts';
import { createsByEnter } from './creates-by-effect.ts';
import { createsSomething } from './creating-controls.ts';
import type { InteractionPlan, PlanContext } from './plan-interactions.ts';

const POPUP_ROLES = new Set(['tooltip', 'menu', 'listbox', 'tree', 'grid']);
const CHOICE_ROLES = new Set(['tab', 'radio', 'combobox', 'checkbox', 'switch']);
const TEXT_ROLES = new Set(['textbox', 'searchbox']);

/** What an observed interaction showed, as far as planning follow-ups needs. */
export interface Observed {
  plan: InteractionPlan;
  effects: UiEffect[];
  /** Internal keys of the elements that changed (not the loose texts). */
  changed: string[];
  reproducible: boolean;
}

function looksCreating(context: PlanContext, action: UiAction): boolean {
  const element = context.elements.find((candidate) => candidate.id === action.target);
  if (action.kind !== 'click' || !element) return false;
  return createsSomething(element, context.facts.get(element.id)?.submits === true);
}

const opensPopup = (effects: UiEffect[]): boolean =>
  effects.some(
    (effect) =>
      (effect.kind === 'appeared' &&
        effect.target.strategy === 'role' &&
        POPUP_ROLES.has(effect.target.role)) ||
      (effect.kind === 'state-changed' && effect.state === 'expanded'),
  );

const leavesPage = (effects: UiEffect[]): boolean => effects.some((effect) => effect.kind === 'url-changed');

/** Escape on the control that opened a popup: the popup must go away again. */
export function dismissalPlan(observed: Observed): InteractionPlan | undefined {
  const { plan, effects } = observed;
  if (plan.setup.length > 0 || plan.action.kind !== 'click' || !observed.reproducible) return undefined;
  if (!opensPopup(effects) || leavesPage(effects)) return undefined;
  const press: UiAction = { kind: 'press', target: plan.action.target, key: 'Escape' };
  return {
    setup: [plan.action],
    action: press,
    restore: [],
    family: `dismiss|${plan.family ?? plan.action.target}`,
  };
}

/** The same create twice in a row (typed again before a second Enter). */
export function repeatPlan(observed: Observed, context: PlanContext): InteractionPlan | undefined {
  const { plan, effects } = observed;
  if (createsByEnter({ ...plan, effects, reproducible: observed.reproducible }) && plan.setup.length === 1) {
    return { setup: [...plan.setup, plan.action, ...plan.setup], action: plan.action, restore: [] };
  }
  if (plan.setup.length > 0 || !observed.reproducible || effects.length === 0 || leavesPage(effects)) {
    return undefined;
  }
  if (!looksCreating(context, plan.action)) return undefined;
  return { setup: [plan.action], action: plan.action, restore: [] };
}

function kindOf(observed: Observed, context: PlanContext): 'choice' | 'text' | undefined {
  const { plan } = observed;
  if (plan.setup.length > 0 || !observed.reproducible || leavesPage(observed.effects)) return undefined;
  const element = context.elements.find((candidate) => candidate.id === plan.action.target);
  if (!element) return undefined;
  if (plan.action.kind === 'fill' && TEXT_ROLES.has(element.role)) return 'text';
  if (CHOICE_ROLES.has(element.role) && plan.action.kind !== 'fill') return 'choice';
  return undefined;
}

/** A text filter applied after each choice that changed the same elements, up to `max`. */
export function comboPlans(observed: Observed[], context: PlanContext, max: number): InteractionPlan[] {
  const texts = observed.filter((entry) => kindOf(entry, context) === 'text');
  const choices = observed.filter((entry) => kindOf(entry, context) === 'choice');
  const plans: InteractionPlan[] = [];
  for (const text of texts) {
    for (const choice of choices) {
      if (plans.length >= max) return plans;
      if (!choice.changed.some((key) => text.changed.includes(key))) continue;
      plans.push({
        setup: [choice.plan.action],
        action: text.plan.action,
        restore: [...text.plan.restore, ...choice.plan.restore],
      });
    }
  }
  return plans;
}
