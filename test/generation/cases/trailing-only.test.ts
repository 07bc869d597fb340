import { describe, expect, it } from 'vitest';
import { onlyRule } from '../../../src/generation/cases/statement-rules.ts';
import { trailingOnly } from '../../../src/generation/cases/trailing-only.ts';

const REGEX_IT_REPLACED = /^.*\b((?:in|on|for|within|with|by)\s+[^.;,!]+?)\s+only\b/iu;

function randomTexts(count: number, seed = 11): string[] {
  const words = [
    'in ',
    'on',
    'with',
    'within',
    'by ',
    'only',
    ' ',
    '  ',
    '.',
    ',',
    'x',
    'for',
    '\n',
    'ONLY',
    'b',
    '\t',
  ];
  let state = seed;
  const next = (max: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % max;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: next(30) }, () => words[next(words.length)]!).join(''),
  );
}

describe('trailing "… only" scope', () => {
  it('finds what the greedy regex found: the last phrase, up to its "only"', () => {
    expect(trailingOnly('Search by name within the selected category only.')).toEqual([
      'Search by name within the selected category only',
      'within the selected category',
    ]);
    for (const text of randomTexts(30_000)) {
      const before = REGEX_IT_REPLACED.exec(text);
      expect([text, trailingOnly(text)]).toEqual([text, before ? [before[0], before[1]] : undefined]);
    }
  });

  // The regex backtracked from the end of the statement and, from every preposition after the
  // last "only", scanned ahead to the end: a 120 KB statement took 8 s, 1 MB never finished.
  it('a 1 MB statement with 120,000 prepositions after its only "only" is read', () => {
    const text = `Exports are allowed only. Then ${'things for users with data in place '.repeat(30_000)}end`;
    expect(onlyRule(text)).toBeUndefined();
    expect(onlyRule(`${text} by everyone only`)).toEqual({
      kind: 'scope',
      scope: 'by everyone',
      phrase: `${text} by everyone only`,
    });
  });
});
