// A flow that opened a dialog (a "New …" button's create form) left the user there: a modal one
// makes the page behind it inert, and the page's own controls, hidden from the accessibility tree
// behind it, are read again under other locators and look added by the state. Trying them spends
// an action's whole timeout each (the dialog takes the pointer), and a text box of the page
// ("Search and filter") could be taken for the create's name. While a dialog the state added
// shows, only its controls are the state's.
import type { UiElement } from '../../core/page-model.ts';
import type { ElementFacts } from './in-page-types.ts';

const DIALOG_ROLES = new Set(['dialog', 'alertdialog']);

function inDialog(facts: ElementFacts | undefined): boolean {
  return facts?.scopes.some((scope) => DIALOG_ROLES.has(scope.role)) ?? false;
}

/** Which elements the state's interactions may act on: those in the dialog it added, when one shows. */
export function dialogFocus(
  added: UiElement[],
  facts: Map<string, ElementFacts>,
): (element: UiElement) => boolean {
  const dialogShown = added.some((element) => element.visible && inDialog(facts.get(element.id)));
  return (element) => !dialogShown || inDialog(facts.get(element.id));
}
