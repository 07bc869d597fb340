import type { PageModel, UiEffect, UiLocator } from '../../core/page-model.ts';
import type { ResolvedAction } from './resolve-actions.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

const REMOVE_OR_CLOSE = /\b(remove|delete|trash|archive|close|dismiss|discard|clear|cancel|hide)\b/i;
const DIALOG_ROLES = new Set(['dialog', 'alertdialog']);
const CREATES = /\b(add|create|new|save|submit|upload|insert)\b/i;

/** Removes or closes something: such a flow must end with a check that it is gone. */
export function isRemoveOrCloseFlow(resolved: ResolvedAction): boolean {
  const action = resolved.recorded;
  if (action.kind === 'press' && /^(Escape|Esc)$/i.test(action.key)) return true;
  return action.kind === 'click' && REMOVE_OR_CLOSE.test(resolved.element.name);
}

/**
 * Why an interaction must not become a test, or undefined when it may. A destructive control is
 * clicked only to remove or close what the same test created in its setup; never in a setup, but
 * for a remove whose confirm, in a dialog of the page, is the action. A confirm is accepted, or
 * such a remove clicked, only on an item the test typed itself: the step acts inside the block
 * holding a text with a mark the setup typed (UiLocator `item`).
 */
export function destructiveVeto(
  context: UiGenerationContext,
  setup: ResolvedAction[],
  action: ResolvedAction,
): string | undefined {
  const destructiveSetup = setup.find((step) => step.element.destructive);
  if (destructiveSetup && !confirmsOwnRemove(setup, action))
    return `its setup triggers destructive "${destructiveSetup.element.name}"`;
  const { recorded } = action;
  const accepts = (recorded.kind === 'click' || recorded.kind === 'press') && recorded.acceptDialog;
  if (accepts && !onOwnItem(setup, action))
    return `"${action.element.name}" accepts a confirm outside an item the test typed itself`;
  if (!action.element.destructive) return undefined;
  if (!REMOVE_OR_CLOSE.test(action.element.name))
    return `"${action.element.name}" is destructive and not a remove/close flow`;
  if (!setup.some((step) => createsData(context, step)))
    return `"${action.element.name}" would remove data the test did not create first`;
  return undefined;
}

function onOwnItem(setup: ResolvedAction[], action: ResolvedAction): boolean {
  return [...setup, action].some((step) => actsOnOwnItem(setup, step));
}

function actsOnOwnItem(setup: ResolvedAction[], step: ResolvedAction): boolean {
  const marks = setup.flatMap((one) =>
    one.recorded.kind === 'fill' && one.recorded.mark ? [one.recorded.mark] : [],
  );
  const text = itemText(step.element.locator);
  return text !== undefined && marks.some((mark) => text.includes(mark));
}

/**
 * A remove that asks in a dialog of the page is two clicks: the setup's only destructive step is
 * its last, the remove on the test's own item, and the action is a button in a dialog.
 */
function confirmsOwnRemove(setup: ResolvedAction[], action: ResolvedAction): boolean {
  const remove = setup.at(-1);
  return (
    remove !== undefined &&
    setup.filter((step) => step.element.destructive).length === 1 &&
    remove.element.destructive &&
    remove.recorded.kind === 'click' &&
    actsOnOwnItem(setup, remove) &&
    action.recorded.kind === 'click' &&
    inDialog(action.element.locator)
  );
}

function inDialog(locator: UiLocator | undefined): boolean {
  if (!locator) return false;
  return (locator.strategy === 'role' && DIALOG_ROLES.has(locator.role)) || inDialog(locator.within);
}

function itemText(locator: UiLocator | undefined): string | undefined {
  if (!locator) return undefined;
  return locator.strategy === 'item' ? locator.text : itemText(locator.within);
}

export function hasGoneCheck(effects: UiEffect[]): boolean {
  return effects.some((effect) => effect.kind === 'disappeared');
}

function createsData(context: UiGenerationContext, step: ResolvedAction): boolean {
  // Enter in a text box is only ever a flow's step when exploration saw it add something.
  if (step.recorded.kind === 'press' && step.recorded.key === 'Enter') return step.element.role === 'textbox';
  if (step.recorded.kind !== 'click') return false;
  const page = context.page(step.page);
  return isFormSubmit(page, step.element.id) || CREATES.test(step.element.name);
}

export function isFormSubmit(page: PageModel | undefined, elementId: string): boolean {
  return page?.forms.some((form) => form.submit === elementId) ?? false;
}
