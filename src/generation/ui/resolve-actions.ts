import type { UiAction, UiEffect, UiElement } from '../../core/page-model.ts';
import type { UiStepAction } from '../../core/ui-test-case.ts';
import { describeAction } from './describe.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

export interface ResolvedAction {
  recorded: UiAction;
  element: UiElement;
  /** Page the element was found on. */
  page: string;
}

export type Resolution =
  { ok: true; actions: ResolvedAction[]; page: string } | { ok: false; reason: string };

/**
 * Finds the elements recorded actions refer to. Ids are looked up on the current page; clicking
 * an internal link moves on to the page it led to, so a setup can cross pages ("add a service,
 * open the estimate, remove it"), which a UiAction cannot say by itself.
 */
export function resolveActions(
  context: UiGenerationContext,
  startPage: string,
  actions: UiAction[],
): Resolution {
  const resolved: ResolvedAction[] = [];
  let page = startPage;
  for (const recorded of actions) {
    const element = context.element(page, recorded.target);
    if (!element) return { ok: false, reason: `element "${recorded.target}" is not on page "${page}"` };
    resolved.push({ recorded, element, page });
    page = pageAfterClick(context, page, recorded) ?? page;
  }
  return { ok: true, actions: resolved, page };
}

/** The step action on a page object member, and how a step title says it. */
export function stepAction(
  context: UiGenerationContext,
  resolved: ResolvedAction,
): { action: UiStepAction; description: string } {
  const action = toStepAction(resolved.recorded, context, resolved);
  return { action, description: describeAction(action, optionLabel(resolved.element, resolved.recorded)) };
}

/** Where the recorded effects are observed: the page a URL change led to, else where we are. */
export function pageAfterEffects(context: UiGenerationContext, page: string, effects: UiEffect[]): string {
  for (const effect of effects) {
    if (effect.kind !== 'url-changed') continue;
    const target = context.pageForUrl(effect.to);
    if (target) return target.id;
  }
  return page;
}

function pageAfterClick(context: UiGenerationContext, page: string, action: UiAction): string | undefined {
  if (action.kind !== 'click') return undefined;
  const target = context.link(page, action.target)?.target;
  return target && context.page(target) ? target : undefined;
}

function toStepAction(
  action: UiAction,
  context: UiGenerationContext,
  resolved: ResolvedAction,
): UiStepAction {
  const target = context.elementTarget(resolved.page, resolved.element);
  switch (action.kind) {
    case 'click':
      return { kind: 'click', target, ...(action.acceptDialog ? { acceptDialog: true as const } : {}) };
    case 'check':
    case 'uncheck':
    case 'hover':
    case 'dblclick':
      return { kind: action.kind, target };
    case 'fill':
      return { kind: 'fill', target, value: action.value, ...(action.mark ? { mark: action.mark } : {}) };
    case 'select':
      return { kind: 'select', target, value: action.value };
    case 'press':
      return {
        kind: 'press',
        target,
        key: action.key,
        ...(action.acceptDialog ? { acceptDialog: true as const } : {}),
      };
  }
}

function optionLabel(element: UiElement, action: UiAction): string | undefined {
  if (action.kind !== 'select') return undefined;
  return element.constraints?.options?.find((option) => option.value === action.value)?.label;
}
