/**
 * Relative times an app writes next to data ("Updated 7 minutes ago", "< 1 minute ago", "just
 * now", "in 2 days"): they change while the page is open and from one run to the next, so no
 * locator or expectation may hold them exactly. One home for the explorer's locators and the
 * generator's volatile texts.
 */
const UNIT = String.raw`(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)`;
const COUNT = String.raw`(?:(?<!\d)\d+|\b(?:an?|one|a few|few))`;
// Not followed by a letter, rather than a word boundary: a page's text read from the DOM glues
// the parts of a row together ("DefaultUpdated 4 minutes ago0 flags").
const END = String.raw`(?!\p{L})`;
const RELATIVE_TIME = new RegExp(
  String.raw`(?:[<>~≈]\s*|about\s+|over\s+|almost\s+|less than\s+)?${COUNT}\s+${UNIT}\s+ago${END}` +
    String.raw`|\bjust now${END}|\bin\s+${COUNT}\s+${UNIT}${END}|\b(?:yesterday|today)${END}`,
  'iu',
);

export function holdsRelativeTime(text: string): boolean {
  return RELATIVE_TIME.test(text);
}

/**
 * The words of `text` before its first relative time, without trailing punctuation ("Default
 * Updated < 1 minute ago 3 flags" → "Default Updated"): what stays the same from run to run.
 * undefined when the text holds no relative time; '' when nothing comes before it.
 */
export function beforeRelativeTime(text: string): string | undefined {
  const found = RELATIVE_TIME.exec(text);
  if (!found) return undefined;
  return text
    .slice(0, found.index)
    .replace(/[\s\p{P}\p{S}]+$/u, '')
    .trim();
}
