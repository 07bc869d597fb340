import type { UiStepAction, UiTarget } from '../../core/ui-test-case.ts';
import { quote } from '../playwright-ts/render-expression.ts';
import { variableName } from './ts-names.ts';

/** One awaited statement per action, on page object members. */
export function renderAction(action: UiStepAction): string {
  switch (action.kind) {
    case 'goto':
      return `${action.afterWrites ? 'await writesSettled(page);\n' : ''}await ${variableName(action.page)}.goto();`;
    case 'click':
      return `${action.acceptDialog ? 'dialogs.acceptNext();\n' : ''}await ${member(action.target)}.click();`;
    case 'fill':
      return `await ${member(action.target)}.fill(${quote(action.value)});`;
    case 'select':
      return `await ${member(action.target)}.selectOption(${quote(action.value)});`;
    case 'check':
      return `await ${member(action.target)}.check();`;
    case 'uncheck':
      return `await ${member(action.target)}.uncheck();`;
    case 'press':
      return `${action.acceptDialog ? 'dialogs.acceptNext();\n' : ''}await ${member(action.target)}.press(${quote(action.key)});`;
    case 'hover':
      return `await ${member(action.target)}.hover();`;
    case 'dblclick':
      return `await ${member(action.target)}.dblclick();`;
    case 'open-shared':
      return `await openAsNewVisitor(page, ${member(action.target)});`;
  }
}

/** `configureVm.region`: a locator as its page object holds it. */
export function member(target: UiTarget): string {
  return `${variableName(target.page)}.${target.name}`;
}
