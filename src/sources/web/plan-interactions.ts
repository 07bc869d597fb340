// Which safe interactions to try on a page, and how to undo each: fields first (their effects
// are the richest oracles: live totals, validation), then buttons, tabs and menus. Links are not
// clicked (the crawl follows them); destructive elements only with allowDestructive.
import type { UiAction, UiElement } from '../../core/page-model.ts';
import type { ElementFacts } from './in-page-types.ts';
import { createsSomething, opensCreate } from './creating-controls.ts';
import { aboveMaximum, nextNumber, otherOption, sampleText } from './sample-values.ts';

export interface InteractionPlan {
  /** Steps to reach the starting state (e.g. open a menu), replayed before the action. */
  setup: UiAction[];
  action: UiAction;
  /** Actions that undo the action; empty → Escape, back, or a fresh load. */
  restore: UiAction[];
  /** Repeated controls (`Configure …` on every card) share a family: a few stand for all. */
  family?: string;
}

export interface PlanContext {
  elements: UiElement[];
  facts: Map<string, ElementFacts>;
  allowDestructive: boolean;
  /** Forms whose submission posts data: their submit buttons are treated as destructive. */
  postingForms: Set<string>;
}

const clickable = new Set([
  'button',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'switch',
  'treeitem',
]);
const textual = new Set(['textbox', 'searchbox', 'combobox']);

function fieldPlans(element: UiElement, facts: ElementFacts, context: PlanContext): InteractionPlan[] {
  if (facts.readOnly) return [];
  const target = element.id;
  const original = facts.value ?? '';
  const undoFill: UiAction[] = [{ kind: 'fill', target, value: original }];
  if (element.inputType === 'checkbox') {
    const checked = facts.checked === true;
    return [
      {
        setup: [],
        action: { kind: checked ? 'uncheck' : 'check', target },
        restore: [{ kind: checked ? 'check' : 'uncheck', target }],
      },
    ];
  }
  if (element.inputType === 'radio') {
    if (facts.checked) return [];
    const sibling = [...context.facts].find(
      ([, other]) => other.group === facts.group && other.formKey === facts.formKey && other.checked === true,
    )?.[0];
    return [
      {
        setup: [],
        action: { kind: 'check', target },
        restore: sibling ? [{ kind: 'check', target: sibling }] : [],
      },
    ];
  }
  if (element.tag === 'select') {
    const value = otherOption(original, element.constraints);
    if (value === undefined) return [];
    return [
      {
        setup: [],
        action: { kind: 'select', target, value },
        restore: [{ kind: 'select', target, value: original }],
      },
    ];
  }
  if (element.role === 'slider' && hasNumberTwin(element, context)) return [];
  if (element.role === 'slider' || element.role === 'spinbutton' || element.inputType === 'number') {
    const plans = [
      {
        setup: [],
        action: { kind: 'fill', target, value: nextNumber(original, element.constraints) },
        restore: undoFill,
      },
    ];
    const beyond = element.inputType === 'number' ? aboveMaximum(element.constraints) : undefined;
    if (beyond !== undefined)
      plans.push({ setup: [], action: { kind: 'fill', target, value: beyond }, restore: undoFill });
    return plans as InteractionPlan[];
  }
  if (textual.has(element.role) && element.inputType !== 'file' && !isSelectButton(element)) {
    const value = sampleText(element.inputType, facts.placeholder, element.constraints?.maxLength);
    const fill: UiAction = { kind: 'fill', target, value };
    return [{ setup: [], action: fill, restore: undoFill }, ...enterPlans(element, facts, fill)];
  }
  return [];
}

/**
 * A combobox that is no text field (MUI's Select: a `div role="combobox"` showing the choice):
 * nothing can be typed into it; a click opens its options.
 */
function isSelectButton(element: UiElement): boolean {
  return element.role === 'combobox' && !['input', 'textarea', 'select'].includes(element.tag);
}

/**
 * A plain text box outside any form may act on Enter alone (an app that adds what was typed as
 * a new item): typed, then Enter. Whether that creates or filters is judged by what it does
 * (creates-by-effect.ts), never by the box's name; search boxes (role searchbox) filter as typed.
 */
function enterPlans(element: UiElement, facts: ElementFacts, fill: UiAction): InteractionPlan[] {
  if (element.role !== 'textbox' || facts.formKey !== undefined || element.tag !== 'input') return [];
  if (element.inputType !== undefined && element.inputType !== 'text') return [];
  return [{ setup: [fill], action: { kind: 'press', target: element.id, key: 'Enter' }, restore: [] }];
}

/** The hash of a link that stays on this document (same origin, path and query), else undefined. */
function sameDocumentHash(element: UiElement, facts: ElementFacts): string | undefined {
  if (element.role !== 'link' || !facts.href) return undefined;
  try {
    const href = new URL(facts.href, facts.url);
    const here = new URL(facts.url);
    const same =
      href.origin === here.origin && href.pathname === here.pathname && href.search === here.search;
    return same ? href.hash : undefined;
  } catch {
    return undefined;
  }
}

/** A link to another route of the same document (`#/active`): a hash-routed view, not a new page. */
function isRouteLink(element: UiElement, facts: ElementFacts): boolean {
  return /^#!?\//.test(sameDocumentHash(element, facts) ?? '');
}

/**
 * A slider paired with a number box of the same name mirrors it: the number box (which can also
 * be filled past its limits) stands for both, which saves an observation per pair.
 */
function hasNumberTwin(slider: UiElement, context: PlanContext): boolean {
  return context.elements.some(
    (other) =>
      other.id !== slider.id && other.visible && other.role === 'spinbutton' && other.name === slider.name,
  );
}

/**
 * `href="#"` or `javascript:`: a control its script handles, not a way to another page; older
 * single-page apps build their buttons from such links. Clicked like a button.
 */
function isScriptLink(element: UiElement, facts: ElementFacts): boolean {
  if (element.role !== 'link' || !facts.href) return false;
  if (/^javascript:/i.test(facts.href)) return true;
  // `new URL('/#').hash` is '': the bare `#` is only in the written href.
  return sameDocumentHash(element, facts) === '' && facts.href.endsWith('#');
}

function clickPlans(element: UiElement, facts: ElementFacts, context: PlanContext): InteractionPlan[] {
  if (element.role === 'link' && !isScriptLink(element, facts)) {
    if (!isRouteLink(element, facts) || facts.href === facts.url) return [];
    return [
      {
        setup: [],
        action: { kind: 'click', target: element.id },
        restore: [],
        family: `route|${element.id}`,
      },
    ];
  }
  if (
    !clickable.has(element.role) &&
    element.tag !== 'summary' &&
    !isScriptLink(element, facts) &&
    !isSelectButton(element)
  )
    return [];
  if (
    facts.submits &&
    facts.formKey &&
    context.postingForms.has(facts.formKey) &&
    !context.allowDestructive
  ) {
    return [];
  }
  if (element.role === 'tab' && facts.selected) return [];
  const selectedTab =
    element.role === 'tab'
      ? [...context.facts].find(([, other]) => other.selected && other.region === facts.region)?.[0]
      : undefined;
  const restore: UiAction[] = selectedTab ? [{ kind: 'click', target: selectedTab }] : [];
  const verb = /^\S+/.exec(element.name.toLowerCase())?.[0] ?? '';
  const family = `${element.role}|${element.region ?? ''}|${verb}`;
  return [{ setup: [], action: { kind: 'click', target: element.id }, restore, family }];
}

/** Plans for one element, or none when it is hidden, disabled, a link, or destructive. */
export function plansFor(
  element: UiElement,
  context: PlanContext,
  setup: UiAction[] = [],
): InteractionPlan[] {
  const facts = context.facts.get(element.id);
  if (!facts || !element.enabled) return [];
  if (element.destructive && !context.allowDestructive) return [];
  const plans = [...fieldPlans(element, facts, context), ...clickPlans(element, facts, context)];
  return plans.map((plan) => ({ ...plan, setup: [...setup, ...plan.setup] }));
}

/**
 * Plans for every visible element of the page, the most telling first, so a page that runs out
 * of time loses the least: a click that opens a create ("New …": the app's data begins there,
 * and the flows after the crawl start from it; a slow page's budget may allow only a few
 * interactions, and its fields are many), choices (they often enable, disable or reprice other controls), values
 * past a field's limits (validation), free text (and Enter after it), clicks that create ("New …",
 * "Add …": where an app's data begins, and the flows after the crawl start from them), other
 * clicks, and last plain numeric steps (which mostly repeat what choices showed: a
 * recalculation). Document order within each group.
 */
export function planInteractions(context: PlanContext): InteractionPlan[] {
  const plans = context.elements
    .filter((element) => element.visible)
    .flatMap((element) => plansFor(element, context));
  const byId = new Map(context.elements.map((element) => [element.id, element]));
  const rank = (plan: InteractionPlan): number => {
    const { action } = plan;
    if (action.kind === 'click') {
      const element = byId.get(action.target);
      const submits = context.facts.get(action.target)?.submits === true;
      if (element && plan.setup.length === 0 && opensCreate(element, submits)) return -1;
      return element && createsSomething(element, submits) ? 3 : 3.5;
    }
    if (action.kind === 'press') return 2; // Enter after typing: free text, right after its fill
    if (action.kind !== 'fill') return 0;
    const element = byId.get(action.target);
    const numeric =
      element?.role === 'slider' || element?.role === 'spinbutton' || element?.inputType === 'number';
    if (!numeric) return 2;
    const max = Number(element?.constraints?.max);
    return Number.isFinite(max) && Number(action.value) > max ? 1 : 4;
  };
  return plans
    .map((plan, index) => ({ plan, index, rank: rank(plan) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.plan);
}
