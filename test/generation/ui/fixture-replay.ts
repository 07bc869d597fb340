// Replays a SiteModel against the live app with playwright-core, independently of the generator:
// it proves the hand-made fixture is true of the app, so a failing generated suite points at the
// generator or emitter rather than at the fixture.
import type { Locator, Page } from 'playwright-core';
import type { ObservedInteraction, SiteModel, UiEffect, UiLocator } from '../../../src/core/page-model.ts';

type Scope = Pick<
  Page,
  'getByRole' | 'getByLabel' | 'getByPlaceholder' | 'getByTestId' | 'getByText' | 'locator'
>;
type Role = Parameters<Page['getByRole']>[0];

export function locate(page: Page, locator: UiLocator): Locator {
  const scope: Scope = locator.within ? locate(page, locator.within) : page;
  switch (locator.strategy) {
    case 'role':
      return scope.getByRole(locator.role as Role, { name: locator.name, exact: locator.exact });
    case 'label':
      return scope.getByLabel(locator.text, { exact: locator.exact });
    case 'placeholder':
      return scope.getByPlaceholder(locator.text);
    case 'testid':
      return scope.getByTestId(locator.testId);
    case 'text':
      return scope.getByText(locator.text, { exact: locator.exact });
    case 'id':
      return scope.locator(`#${locator.id}`);
    case 'class':
      return scope.locator(`${locator.tag}.${locator.className}`);
    case 'item':
      return scope.locator(locator.selector).filter({ hasText: locator.text });
  }
}

export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Polls until `check` holds; returns the last failure description, or undefined on success. */
async function eventually(
  check: () => Promise<string | undefined>,
  timeoutMs = 3_000,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const problem = await check().catch((error: Error) => error.message);
    if (!problem || Date.now() > deadline) return problem;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Replays setup and action (following links to the next page) and lists effects that did not recur. */
export async function replayInteraction(
  page: Page,
  model: SiteModel,
  pageId: string,
  interaction: ObservedInteraction,
): Promise<string[]> {
  let current = pageId;
  for (const action of [...interaction.setup, interaction.action]) {
    const pageModel = model.pages.find((candidate) => candidate.id === current)!;
    const element = pageModel.elements.find((candidate) => candidate.id === action.target);
    if (!element) return [`no element "${action.target}" on ${current}`];
    const target = locate(page, element.locator);
    if (action.kind === 'click') await target.click();
    if (action.kind === 'fill') await target.fill(action.value);
    if (action.kind === 'select') await target.selectOption(action.value);
    if (action.kind === 'check') await target.check();
    if (action.kind === 'uncheck') await target.uncheck();
    if (action.kind === 'press') await target.press(action.key);
    current = pageModel.links.find((link) => link.elementId === action.target)?.target ?? current;
  }
  const problems: string[] = [];
  for (const effect of interaction.effects) {
    const problem = await eventually(() => effectProblem(page, effect));
    if (problem) problems.push(`${effect.kind}: ${problem}`);
  }
  return problems;
}

async function effectProblem(page: Page, effect: UiEffect): Promise<string | undefined> {
  switch (effect.kind) {
    case 'text-changed': {
      const actual = await textOf(locate(page, effect.target));
      return actual === effect.after ? undefined : `text "${actual}", expected "${effect.after}"`;
    }
    case 'appeared': {
      const target = locate(page, effect.target);
      if (!(await target.isVisible())) return 'not visible';
      const actual = await textOf(target);
      return effect.text === undefined || actual === effect.text ? undefined : `text "${actual}"`;
    }
    case 'disappeared':
      return (await locate(page, effect.target).isVisible()) ? 'still visible' : undefined;
    case 'value-changed': {
      const actual = await locate(page, effect.target).inputValue();
      return actual === effect.after ? undefined : `value "${actual}"`;
    }
    case 'state-changed':
      return (await hasState(locate(page, effect.target), effect.state)) ? undefined : `not ${effect.state}`;
    case 'url-changed': {
      const expected = new URL(new URL(effect.to).pathname, page.url()).href;
      return page.url() === expected ? undefined : `url ${page.url()}`;
    }
    case 'dialog':
      return 'dialogs are not replayed';
  }
}

async function hasState(target: Locator, state: string): Promise<boolean> {
  if (state === 'enabled') return target.isEnabled();
  if (state === 'disabled') return target.isDisabled();
  if (state === 'checked') return target.isChecked();
  if (state === 'unchecked') return !(await target.isChecked());
  const attribute = state === 'invalid' || state === 'valid' ? 'aria-invalid' : 'aria-expanded';
  const value = await target.getAttribute(attribute);
  return state === 'invalid' || state === 'expanded' ? value === 'true' : value !== 'true';
}
