import type { UiLocator } from '../../core/page-model.ts';

// Members every emitted page object already has, and words no identifier may be.
const RESERVED = new Set(['page', 'path', 'goto', 'constructor', 'default', 'delete', 'new', 'class']);

/** `add-to-estimate` → `addToEstimate`; a leading digit gets a prefix, reserved words a suffix. */
export function memberName(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  const camel = words
    .map((word, index) =>
      index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join('');
  const name = camel === '' ? 'element' : /^\d/.test(camel) ? `n${camel}` : camel;
  return RESERVED.has(name) ? `${name}Element` : name;
}

/** Words to name a locator the model gives without an element id (effect targets) by. */
export function hintForLocator(locator: UiLocator): string {
  switch (locator.strategy) {
    case 'role':
      return locator.name ? `${locator.name} ${roleWord(locator.role)}` : locator.role;
    case 'label':
      return `${locator.text} field`;
    case 'placeholder':
      return `${locator.text} input`;
    case 'testid':
      return locator.testId;
    case 'text':
      return locator.text;
    case 'id':
      return locator.id;
    case 'class':
      return locator.className;
    case 'item':
      return 'item';
  }
}

function roleWord(role: string): string {
  return role === 'combobox' ? 'select' : role;
}

/** Identity of a locator, to recognise the same one recorded twice (key order ignored). */
export function locatorKey(locator: UiLocator): string {
  const { within, ...own } = locator;
  const fields = Object.entries(own)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(fields) + (within ? ` in ${locatorKey(within)}` : '');
}
