// Texts that hold numbers an app derives from what exists ("New Tiddler 4", "2 matches"): the
// explorer (seen changing once its flows created data) and UI generation (seen renumbered within
// one observation) both recognise them by their words with other numbers.
import { escapeRegExp } from './plain-text.ts';
import type { UiEffect, UiLocator } from './page-model.ts';

/** Whether `other` holds `text`'s words with other numbers ("Draft of 'Note 5'" for "Note 4"). */
export function renumbered(text: string, other: string): boolean {
  if (text === other || !/\d/.test(text) || !/\p{L}{2}/u.test(text)) return false;
  const numbers = text.match(/\d+/g)!.join(' ');
  const words = text.split(/\d+/).map((part) => escapeRegExp(part));
  const pattern = new RegExp(words.join('(\\d+)'), 'g');
  return [...other.matchAll(pattern)].some((match) => match.slice(1).join(' ') !== numbers);
}

/** What an effect shows of itself: the text that appeared, and the name its locator finds it by. */
export function shownTexts(effect: UiEffect): string[] {
  if (effect.kind !== 'appeared' && effect.kind !== 'disappeared') return [];
  const texts = [locatorText(effect.target)];
  if (effect.kind === 'appeared' && effect.text) texts.push(effect.text);
  return texts.filter((text): text is string => text !== undefined && text !== '');
}

function locatorText(locator: UiLocator): string | undefined {
  if (locator.strategy === 'role') return locator.name;
  if (locator.strategy === 'text' || locator.strategy === 'label' || locator.strategy === 'placeholder')
    return locator.text;
  return undefined;
}

/**
 * The text without the counts in it, words kept: "Feature flags (0)" → "Feature flags",
 * "12 open issues" → "open issues"; a number inside a word ("H2O") stays.
 */
export function withoutCounts(text: string): string {
  return text
    .replace(/\(\s*\d[\d.,\s]*\)/g, ' ')
    .replace(/(^|\s)\d[\d.,]*(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
