import { tokens } from './case-words.ts';

// Words every title has: they would make "the estimate can be downloaded" resemble anything.
const STOP_WORDS = new Set(
  'a an the of to in on for is are be can and or with by as at it its that this from when then than'.split(
    ' ',
  ),
);
/** Shared content words, as a share of the shorter title, from which two titles are "similar". */
const SIMILAR_SHARE = 0.6;
/** …and at least this many shared words: two-word titles would match too easily. */
const SIMILAR_MINIMUM = 3;

export type TitleMatch = 'same' | 'similar' | 'different';

/**
 * Compares a designed case's title with an existing test's: the same content words, most of the
 * shorter one's (`the reserved tariff takes 30% off` ~ `The reserved tariff … costs 30% less`), or not.
 */
export function compareTitles(a: string, b: string): TitleMatch {
  const left = contentWords(a);
  const right = contentWords(b);
  if (left.size === 0 || right.size === 0) return 'different';
  const shared = [...left].filter((word) => right.has(word)).length;
  if (shared === left.size && shared === right.size) return 'same';
  const share = shared / Math.min(left.size, right.size);
  return shared >= SIMILAR_MINIMUM && share >= SIMILAR_SHARE ? 'similar' : 'different';
}

function contentWords(title: string): Set<string> {
  return new Set(tokens(title).filter((word) => !STOP_WORDS.has(word)));
}
