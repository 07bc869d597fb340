import type { UiAssertion, UiElementState } from '../../core/ui-test-case.ts';
import { quote } from '../playwright-ts/render-expression.ts';
import { member } from './render-action.ts';

/** Web-first assertions: each retries until it holds or the expect timeout runs out. */
export function renderAssertion(assertion: UiAssertion): string[] {
  switch (assertion.kind) {
    case 'url':
      return [`await expect(page).toHaveURL(${quote(assertion.path)});`];
    case 'title':
      return [`await expect(page).toHaveTitle(${quote(assertion.text)});`];
    case 'visible':
      return [`await expect(${member(assertion.target)}).toBeVisible();`];
    case 'hidden':
      return [`await expect(${member(assertion.target)}).toBeHidden();`];
    case 'text':
      return [`await expect(${member(assertion.target)}).toHaveText(${quote(assertion.text)});`];
    case 'value':
      return [`await expect(${member(assertion.target)}).toHaveValue(${quote(assertion.value)});`];
    case 'count':
      return [`await expect(${member(assertion.target)}).toHaveCount(${assertion.count});`];
    case 'field-message':
      return [`await expectFieldMessage(${member(assertion.target)}, ${quote(assertion.message)});`];
    case 'state':
      return [`await expect(${member(assertion.target)})${stateMatcher(assertion.state)};`];
    case 'in-viewport':
      return [`await expectInViewport(${member(assertion.target)});`];
    case 'aria-snapshot':
      return [
        `await expect(${member(assertion.target)}).toMatchAriaSnapshot(${template(assertion.snapshot)});`,
      ];
    case 'dialog':
      return [
        `await expect.poll(() => dialogs.seen).toContainEqual({ type: ${quote(assertion.dialogType)}, message: ${quote(assertion.message)} });`,
      ];
    case 'no-console-errors':
      return ['await expectNoConsoleErrors(page, consoleErrors);'];
    case 'no-horizontal-overflow':
      return ['await expectNoHorizontalOverflow(page);'];
    case 'accessibility':
      return [
        `await checkAccessibility(page, testInfo, { impacts: [${assertion.impacts.map(quote).join(', ')}], fail: ${assertion.fail} });`,
      ];
  }
}

function stateMatcher(state: UiElementState): string {
  const matchers: Record<UiElementState, string> = {
    enabled: '.toBeEnabled()',
    disabled: '.toBeDisabled()',
    checked: '.toBeChecked()',
    unchecked: '.not.toBeChecked()',
    expanded: ".toHaveAttribute('aria-expanded', 'true')",
    collapsed: ".toHaveAttribute('aria-expanded', 'false')",
    invalid: ".toHaveAttribute('aria-invalid', 'true')",
    valid: ".not.toHaveAttribute('aria-invalid', 'true')",
  };
  return matchers[state];
}

/** A multi-line template literal; Playwright strips the common indentation of aria snapshots. */
function template(snapshot: string): string {
  const escaped = snapshot.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  return `\`\n${escaped
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')}\n\``;
}
