const MASKS: [RegExp, string][] = [
  [/\bhttps?:\/\/[^\s'"`)>]+/g, '<url>'],
  [/\b\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?/g, '<time>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'],
  [/\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b/gi, '<id>'],
  [/\b\d+(\.\d+)?/g, '<n>'],
];

// Code excerpts (`> 11 | await page…`), carets and call-log noise: where, not why.
// Playwright's JUnit header (`spec.ts:<n>:<n> › title ───`) names the test, not the cause.
const NOISE = /^\s*(>?\s*<n> \||\|\s*\^|at |Call log:|- navigated to|- waiting for navigation)|›.*─{3}/;

/**
 * A failure message with what varies between occurrences masked (URLs, timestamps, ids,
 * numbers), its noise dropped, and only the first lines kept: equal for one root cause.
 */
export function normaliseMessage(message: string): string {
  // HTTP statuses are the cause, not a varying value: shield them from the number mask.
  let text = message.replace(
    /\b(status|Expected:|Received:|got|expected)(\s*)([1-5]\d\d)\b/gi,
    '$1$2HTTPSTATUS$3',
  );
  for (const [pattern, mask] of MASKS) text = text.replace(pattern, mask);
  return text
    .replace(/HTTPSTATUS/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line && !NOISE.test(line))
    .slice(0, 4)
    .join(' | ')
    .slice(0, 400);
}

/** A frame without its column; its line stays: the same line of test code is the same place. */
export function normaliseFrame(frame: string): string {
  return frame.replace(/^.*[\\/]((tests?|e2e|specs?)[\\/])/, '$1').replace(/:\d+$/, '');
}
