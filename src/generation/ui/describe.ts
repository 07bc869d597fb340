import { withoutIconGlyphs } from '../../core/icon-glyphs.ts';
import type { PageModel, UiEffect, UiLocator } from '../../core/page-model.ts';
import type { UiAssertion, UiStepAction } from '../../core/ui-test-case.ts';

// Words for titles and step names: a reader should know what a test checks without opening it.

export function describeLocator(locator: UiLocator): string {
  const inside = locator.within ? ` in ${describeLocator(locator.within)}` : '';
  switch (locator.strategy) {
    case 'role': {
      const name = withoutIconGlyphs(locator.name ?? '');
      return (name ? `${name} ${roleWord(locator.role)}` : `the ${roleWord(locator.role)}`) + inside;
    }
    case 'label':
      return `${locator.text} field${inside}`;
    case 'placeholder':
      return `"${shorten(locator.text)}" field${inside}`;
    case 'testid':
      return `${locator.testId.replace(/[-_]+/g, ' ')}${inside}`;
    case 'text':
      return `"${shorten(locator.text)}"${inside}`;
    case 'id':
      return `${locator.id.replace(/[-_]+/g, ' ')}${inside}`;
    case 'class':
      return `the ${locator.className.replace(/[-_]+/g, ' ')} ${locator.tag}${inside}`;
    case 'item':
      return `the item "${shorten(locator.text)}"${inside}`;
  }
}

function roleWord(role: string): string {
  const words: Record<string, string> = { combobox: 'select', contentinfo: 'footer', banner: 'header' };
  return words[role] ?? role;
}

/** `"Product catalogue" (/catalog)`: how titles name a page. */
export function describePage(page: PageModel): string {
  const heading = page.headings.find((candidate) => candidate.level === 1)?.text;
  return `"${shorten(heading ?? page.title ?? page.id)}" (${page.path})`;
}

export function describeAction(action: UiStepAction, optionLabel?: string): string {
  switch (action.kind) {
    case 'goto':
      return `open ${action.path}`;
    case 'click':
      return `click ${describeLocator(action.target.locator)}${action.acceptDialog ? ' and confirm' : ''}`;
    case 'fill':
      return action.value === ''
        ? `clear ${describeLocator(action.target.locator)}`
        : `enter "${shorten(action.value)}" in ${describeLocator(action.target.locator)}`;
    case 'select':
      return `select "${optionLabel ?? action.value}" in ${describeLocator(action.target.locator)}`;
    case 'check':
      return `check ${describeLocator(action.target.locator)}`;
    case 'uncheck':
      return `uncheck ${describeLocator(action.target.locator)}`;
    case 'press':
      return `press ${action.key} in ${describeLocator(action.target.locator)}${action.acceptDialog ? ' and confirm' : ''}`;
    case 'hover':
      return `point at ${describeLocator(action.target.locator)}`;
    case 'dblclick':
      return `double-click ${describeLocator(action.target.locator)}`;
    case 'open-shared':
      return `open the link in ${describeLocator(action.target.locator)} as a new visitor`;
  }
}

export function describeEffect(effect: UiEffect, pathOf: (url: string) => string): string {
  switch (effect.kind) {
    case 'text-changed':
      return `${describeLocator(effect.target)} becomes "${shorten(effect.after)}"`;
    case 'appeared':
      return effect.text !== undefined && !isTextLocatorFor(effect.target, effect.text)
        ? `${describeLocator(effect.target)} appears with "${shorten(effect.text)}"`
        : `${describeLocator(effect.target)} appears`;
    case 'disappeared':
      return `${describeLocator(effect.target)} is gone`;
    case 'value-changed':
      return `${describeLocator(effect.target)} value becomes "${shorten(effect.after)}"`;
    case 'state-changed':
      return `${describeLocator(effect.target)} becomes ${effect.state}`;
    case 'url-changed':
      return `the URL becomes ${pathOf(effect.to)}`;
    case 'dialog':
      return `a ${effect.type} says "${shorten(effect.message)}"`;
  }
}

export function describeAssertion(assertion: UiAssertion): string {
  switch (assertion.kind) {
    case 'url':
      return `URL is ${assertion.path}`;
    case 'title':
      return `title is "${shorten(assertion.text)}"`;
    case 'visible':
      return `${describeLocator(assertion.target.locator)} is visible`;
    case 'hidden':
      return `${describeLocator(assertion.target.locator)} is gone`;
    case 'text':
      return `${describeLocator(assertion.target.locator)} reads "${shorten(assertion.text)}"`;
    case 'value':
      return `${describeLocator(assertion.target.locator)} holds "${shorten(assertion.value)}"`;
    case 'count':
      return `${assertion.count} × ${describeLocator(assertion.target.locator)}`;
    case 'field-message':
      return `${describeLocator(assertion.target.locator)} says "${shorten(assertion.message)}"`;
    case 'state':
      return `${describeLocator(assertion.target.locator)} is ${assertion.state}`;
    case 'in-viewport':
      return `${describeLocator(assertion.target.locator)} fits the viewport`;
    case 'aria-snapshot':
      return `${describeLocator(assertion.target.locator)} matches its recorded aria snapshot`;
    case 'dialog':
      return `a ${assertion.dialogType} says "${shorten(assertion.message)}"`;
    case 'no-console-errors':
      return 'no console errors';
    case 'no-horizontal-overflow':
      return 'no horizontal overflow';
    case 'accessibility':
      return `axe-core scan (${assertion.impacts.join('/')} ${assertion.fail ? 'fail' : 'reported'})`;
  }
}

/** "a, b and 2 more": keeps step titles readable when a step checks many things. */
export function summarize(parts: string[], shown = 3): string {
  const unique = [...new Set(parts)];
  if (unique.length <= shown) return joinWords(unique);
  return `${unique.slice(0, shown).join(', ')} and ${unique.length - shown} more`;
}

export function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function isTextLocatorFor(locator: UiLocator, text: string): boolean {
  return locator.strategy === 'text' && locator.text === text;
}

function shorten(text: string, max = 60): string {
  const flat = withoutIconGlyphs(text);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
