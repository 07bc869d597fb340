// Turns a recorded UiLocator back into a Playwright locator, exactly as a generated test would
// write it, so that "unique when recorded" is checked with the same semantics tests will use.
import type { Locator, Page } from '@playwright/test';
import type { UiLocator } from '../../core/page-model.ts';

type AriaRole = Parameters<Page['getByRole']>[0];

export interface ResolveOptions {
  /** Count hidden elements too: used to record locators of elements hidden at load time. */
  includeHidden?: boolean;
}

export function toPlaywrightLocator(page: Page, ui: UiLocator, options: ResolveOptions = {}): Locator {
  const scope: Page | Locator = ui.within ? toPlaywrightLocator(page, ui.within, options) : page;
  switch (ui.strategy) {
    case 'role':
      return scope.getByRole(ui.role as AriaRole, {
        ...(ui.name === undefined ? {} : { name: ui.name, exact: ui.exact ?? false }),
        ...(options.includeHidden ? { includeHidden: true } : {}),
      });
    case 'label':
      return scope.getByLabel(ui.text, { exact: ui.exact ?? false });
    case 'placeholder':
      return scope.getByPlaceholder(ui.text);
    case 'testid':
      return scope.getByTestId(ui.testId);
    case 'text':
      return scope.getByText(ui.text, { exact: ui.exact ?? false });
    case 'id':
      return scope.locator(`#${ui.id}`);
    case 'class':
      return scope.locator(`${ui.tag}.${ui.className}`);
    case 'item':
      return scope.locator(ui.selector).filter({ hasText: ui.text });
  }
}

/** One line for messages and logs: `role=button[name="Add"] within navigation "Main"`. */
export function describeLocator(ui: UiLocator): string {
  const own = (() => {
    switch (ui.strategy) {
      case 'role':
        return ui.name === undefined ? `role=${ui.role}` : `role=${ui.role}[name="${ui.name}"]`;
      case 'label':
        return `label="${ui.text}"`;
      case 'placeholder':
        return `placeholder="${ui.text}"`;
      case 'testid':
        return `testid="${ui.testId}"`;
      case 'text':
        return `text="${ui.text}"`;
      case 'id':
        return `#${ui.id}`;
      case 'class':
        return `${ui.tag}.${ui.className}`;
      case 'item':
        return `${ui.selector} holding "${ui.text}"`;
    }
  })();
  return ui.within ? `${own} within ${describeLocator(ui.within)}` : own;
}
