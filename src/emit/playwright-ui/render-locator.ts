import type { UiLocator } from '../../core/page-model.ts';
import { quote } from '../playwright-ts/render-expression.ts';
import { ARIA_ROLES } from './aria-roles.ts';

/** A Playwright locator expression, scoped by `within` (never XPath or nth; CSS only as `#id` or `tag.class`). */
export function renderLocator(locator: UiLocator, root: string): string {
  const scope = locator.within ? renderLocator(locator.within, root) : root;
  switch (locator.strategy) {
    case 'role': {
      const role = ARIA_ROLES.has(locator.role) ? quote(locator.role) : `${quote(locator.role)} as AriaRole`;
      return `${scope}.getByRole(${role}${options(locator.name, locator.exact)})`;
    }
    case 'label':
      return `${scope}.getByLabel(${quote(locator.text)}${options(undefined, locator.exact)})`;
    case 'placeholder':
      return `${scope}.getByPlaceholder(${quote(locator.text)})`;
    case 'testid':
      return `${scope}.getByTestId(${quote(locator.testId)})`;
    case 'text':
      return `${scope}.getByText(${quote(locator.text)}${options(undefined, locator.exact)})`;
    case 'id':
      return `${scope}.locator(${quote(`#${locator.id}`)})`;
    case 'class':
      return `${scope}.locator(${quote(`${locator.tag}.${locator.className}`)})`;
    case 'item':
      return `${scope}.locator(${quote(locator.selector)}).filter({ hasText: ${quote(locator.text)} })`;
  }
}

/** Whether a locator needs the `AriaRole` cast type (a role Playwright does not list). */
export function needsRoleCast(locator: UiLocator): boolean {
  const own = locator.strategy === 'role' && !ARIA_ROLES.has(locator.role);
  return own || (locator.within !== undefined && needsRoleCast(locator.within));
}

function options(name: string | undefined, exact: boolean | undefined): string {
  const parts = [...(name !== undefined ? [`name: ${quote(name)}`] : []), ...(exact ? ['exact: true'] : [])];
  return parts.length > 0 ? `, { ${parts.join(', ')} }` : '';
}
