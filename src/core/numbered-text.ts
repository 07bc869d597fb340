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

/** Every text a locator finds its element by: its own name or text, an item block's, its scopes'. */
export function locatorTexts(locator: UiLocator): string[] {
  const own = locator.strategy === 'item' ? locator.text : locatorText(locator);
  return [...(own ? [own] : []), ...(locator.within ? locatorTexts(locator.within) : [])];
}

function locatorText(locator: UiLocator): string | undefined {
  if (locator.strategy === 'role') return locator.name;
  if (locator.strategy === 'text' || locator.strategy === 'label' || locator.strategy === 'placeholder')
    return locator.text;
  return undefined;
}

// A count: a number standing as a word ("12 open issues", "Inbox 3", "1,024") or in brackets
// ("Feature flags (0)"); a number inside a word ("H2O") is not one.
const COUNT = /\(\s*\d[\d.,\s]*\)|(?<=^|\s)\d[\d.,]*(?=\s|$)/;
const EDGE_MARKS = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

/** Whether the text holds a count ("0 matches", "Feature flags (3)", "21"). */
export function holdsCount(text: string): boolean {
  return COUNT.test(text);
}

/**
 * The longest stretch of the text between its counts, marks at its edges trimmed: "Feature
 * flags (0)" → "Feature flags", "3 of 10 selected" → "selected", "0 matches" → "matches"; ''
 * when no stretch holds a word. A stretch rather than all the words joined, so that it is still
 * a part of the text: a locator finds the text by it as it changes ("9 matches").
 */
export function countFreeStretch(text: string): string {
  return text
    .split(COUNT)
    .map((stretch) => stretch.replace(EDGE_MARKS, '').replace(/\s+/g, ' '))
    .filter((stretch) => /\p{L}{2}/u.test(stretch))
    .reduce((longest, stretch) => (stretch.length > longest.length ? stretch : longest), '');
}
