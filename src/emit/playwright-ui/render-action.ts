import type { UiStepAction, UiTarget } from '../../core/ui-test-case.ts';
import { quote } from '../playwright-ts/render-expression.ts';
import { variableName } from './ts-names.ts';

/**
 * One awaited statement per action, on page object members; `after` is the test's action before
 * it, if any.
 */
export function renderAction(action: UiStepAction, after?: UiStepAction): string {
  const wait =
    action.kind !== 'goto' && waitsForOne(action.target, after)
      ? `await expect(${member(action.target)}).toHaveCount(1);\n`
      : '';
  return `${wait}${statement(action)}`;
}

// Playwright throws at once, without retrying, when an action's locator matches two elements.
// Every page object locator matched one element when it was recorded, but an app that animates
// may show what an action changed twice for a moment: TiddlyWiki's edit frame slides in over its
// view frame, each with a title box and buttons. After an action that changes what is shown, the
// next target's count is waited for first, which still fails on a duplicate that lasts.
const CHANGES_SHOWN = new Set<UiStepAction['kind']>([
  'click',
  'dblclick',
  'press',
  'check',
  'uncheck',
  'select',
  'hover',
]);

function waitsForOne(target: UiTarget, after: UiStepAction | undefined): boolean {
  if (after === undefined || after.kind === 'goto' || !CHANGES_SHOWN.has(after.kind)) return false;
  return after.target.page !== target.page || after.target.name !== target.name;
}

function statement(action: UiStepAction): string {
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
