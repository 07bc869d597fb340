// Playwright's locator rules (role and accessible name, case-insensitive substring unless exact)
// applied to what the explorer recorded: elements, observed effect targets, aria snapshots.
import type { TestLocator } from '../core/existing-test.ts';
import type { PageModel, UiEffect, UiElement, UiLocator } from '../core/page-model.ts';

/** Elements a user acts on. The explorer records every one of them, so their absence is a finding. */
export const INTERACTIVE_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'checkbox',
  'radio',
  'slider',
  'spinbutton',
  'switch',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'treeitem',
]);

export function isControl(locator: TestLocator): boolean {
  return (
    locator.strategy === 'label' ||
    locator.strategy === 'placeholder' ||
    (locator.strategy === 'role' && INTERACTIVE_ROLES.has(locator.role))
  );
}

/** Locators the explorer saw change, appear or hold stable content: present even if not listed as elements. */
export function observedLocators(page: PageModel): UiLocator[] {
  const targets = (effect: UiEffect): UiLocator[] => ('target' in effect ? [effect.target] : []);
  return [
    ...page.interactions.flatMap((interaction) => interaction.effects.flatMap(targets)),
    ...page.stableRegions.map((region) => region.locator),
  ];
}

export function sameLocator(known: UiLocator, wanted: TestLocator): boolean {
  switch (wanted.strategy) {
    case 'role':
      return (
        known.strategy === 'role' &&
        known.role === wanted.role &&
        (wanted.name === undefined || same(known.name ?? '', wanted.name, wanted.exact))
      );
    case 'testid':
      return known.strategy === 'testid' && known.testId === wanted.testId;
    case 'label':
    case 'placeholder':
    case 'text':
      return (
        known.strategy === wanted.strategy &&
        same(known.text, wanted.text, 'exact' in wanted ? wanted.exact : false)
      );
    case 'id':
    case 'class':
      return cssOf(known) !== undefined && cssOf(known) === cssOf(wanted);
    case 'css':
      // A hand-written `page.locator('#deploy')` is the explorer's id locator (`input.title` its class one).
      return cssOf(known) === wanted.selector;
    case 'item':
      return known.strategy === 'item' && known.selector === wanted.selector && known.text === wanted.text;
  }
}

export function matches(locator: TestLocator, element: UiElement): boolean {
  switch (locator.strategy) {
    case 'role':
      return (
        element.role === locator.role &&
        (locator.name === undefined || same(element.name, locator.name, locator.exact))
      );
    case 'label':
      return (
        same(element.name, locator.text, locator.exact) || sameLocatorText(element, 'label', locator.text)
      );
    case 'placeholder':
      return sameLocatorText(element, 'placeholder', locator.text);
    case 'testid':
      return element.locator.strategy === 'testid' && element.locator.testId === locator.testId;
    case 'text':
      return (
        same(element.name, locator.text, locator.exact) || sameLocatorText(element, 'text', locator.text)
      );
    case 'id':
    case 'class':
      return cssOf(element.locator) !== undefined && cssOf(element.locator) === cssOf(locator);
    case 'css':
      return cssOf(element.locator) === locator.selector;
    case 'item':
      // A block of items, not a control: no element is one.
      return false;
  }
}

/** The CSS selector an explorer locator stands for, if it is one. */
function cssOf(locator: TestLocator): string | undefined {
  if (locator.strategy === 'id') return `#${locator.id}`;
  if (locator.strategy === 'class') return `${locator.tag}.${locator.className}`;
  return undefined;
}

function same(actual: string, wanted: string, exact: boolean | undefined): boolean {
  const [a, b] = [actual.replace(/\s+/g, ' ').trim(), wanted.replace(/\s+/g, ' ').trim()];
  return exact ? a === b : a.toLowerCase().includes(b.toLowerCase());
}

function sameLocatorText(
  element: UiElement,
  strategy: 'label' | 'placeholder' | 'text',
  text: string,
): boolean {
  const locator = element.locator;
  return locator.strategy === strategy && same(locator.text, text, false);
}

/** The aria snapshot lists what `elements` may leave out (static text, headings). */
export function inSnapshot(locator: TestLocator, page: PageModel): boolean {
  const snapshot = page.ariaSnapshot.toLowerCase();
  switch (locator.strategy) {
    case 'role':
      return snapshot.includes(
        `- ${locator.role}${locator.name === undefined ? '' : ` "${locator.name.toLowerCase()}`}`,
      );
    case 'label':
    case 'text':
    case 'placeholder':
      return snapshot.includes(locator.text.toLowerCase());
    default:
      return false;
  }
}
