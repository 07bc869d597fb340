// One recorded action on the element a locator finds, exactly as a generated test performs it.
import type { Page } from '@playwright/test';
import type { UiAction, UiLocator } from '../../core/page-model.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

export const ACTION_TIMEOUT_MS = 3_000;

export async function performAction(page: Page, target: UiLocator, action: UiAction): Promise<void> {
  const locator = toPlaywrightLocator(page, target);
  const options = { timeout: ACTION_TIMEOUT_MS };
  switch (action.kind) {
    case 'click':
      return locator.click(options);
    case 'fill':
      return locator.fill(action.value, options);
    case 'select':
      return void (await locator.selectOption(action.value, options));
    case 'check':
      return locator.check(options);
    case 'uncheck':
      return locator.uncheck(options);
    case 'press':
      return locator.press(action.key, options);
    case 'hover':
      return locator.hover(options);
    case 'dblclick':
      return locator.dblclick(options);
  }
}
