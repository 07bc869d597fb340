import { describe, expect, it } from 'vitest';
import { parseRequirements } from '../../../src/sources/requirements/read-requirements.ts';
import { wordBefore } from '../../../src/sources/requirements/sentences.ts';
import { plainText, splitSourceLines } from '../../../src/sources/requirements/source-lines.ts';
import { startsUserStory } from '../../../src/sources/requirements/story-patterns.ts';

// The reader was O(n²) or worse on inputs people do paste: each case below took minutes (or
// never finished) before. They are structural: a document that used to blow up now reads, and
// every rewritten scan agrees with the regex it replaced on random text.

function randomTexts(alphabet: string[], count: number, seed = 7): string[] {
  let state = seed;
  const next = (max: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % max;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: next(24) }, () => alphabet[next(alphabet.length)]!).join(''),
  );
}

describe('requirements reader on pathological input', () => {
  it('a paragraph of 40,000 "No. 5" abbreviations is one sentence, not a rescan per full stop', () => {
    const text = `The limit applies ${Array.from({ length: 40_000 }, (_, index) => `no. ${index}`).join(' ')} everywhere.`;
    const { requirements } = parseRequirements(text, 'r.md');
    expect(requirements).toHaveLength(1);
  });

  it('a paragraph of 20,000 lines finds each sentence its line in one walk', () => {
    const lines = Array.from({ length: 20_000 }, (_, index) => `The value ${index} is kept.`);
    const { requirements } = parseRequirements(`Intro.\n${lines.join('\n')}\n`, 'r.md');
    expect(requirements).toHaveLength(20_001);
    expect(requirements.at(-1)!.source.line).toBe(20_001);
  });

  it('a list item with 30,000 child items is one requirement', () => {
    const children = Array.from({ length: 30_000 }, (_, index) => `  - child ${index} works;`);
    const { requirements } = parseRequirements(`- Parent\n${children.join('\n')}\n`, 'r.md');
    expect(requirements).toHaveLength(1);
    expect(requirements[0]!.text.endsWith('; child 29999 works;')).toBe(true);
  });

  it('30,000 short lines that could be labels look ahead to the next line only', () => {
    const notes = Array.from({ length: 30_000 }, (_, index) => `Short note ${index}`);
    expect(parseRequirements(`# Notes\n\n${notes.join('\n\n')}`, 'r.md').requirements).toHaveLength(30_000);
  });

  it('20,000 statements with one written key get CALC-1, CALC-1.2, … without rescanning suffixes', () => {
    const text = Array.from({ length: 20_000 }, (_, index) => `- CALC-1: rule ${index} holds`).join('\n');
    const ids = parseRequirements(text, 'r.md').requirements.map((requirement) => requirement.id);
    expect(ids.slice(0, 3)).toEqual(['CALC-1', 'CALC-1.2', 'CALC-1.3']);
    expect(ids.at(-1)).toBe('CALC-1.20000');
  });

  it('a Russian story line whose first word is 200,000 letters is read (nested \\S+.* backtracked)', () => {
    const text = `Как ${'ж'.repeat(200_000)} и так далее`;
    expect(startsUserStory(text)).toBe(false);
    expect(parseRequirements(text, 'r.md').requirements).toHaveLength(1);
  });

  it('a line with 200,000 inner spaces is trimmed without retrying every run of them', () => {
    const [line] = splitSourceLines(`a${' '.repeat(200_000)}b   `);
    expect(line!.text).toBe(`a${' '.repeat(200_000)}b`);
  });

  it('a 600 KB line of "a < b" and "[x" with no ">" or "]" after them keeps its text', () => {
    const text = Array.from({ length: 50_000 }, (_, index) => `a < b${index} [x`).join(' ');
    expect(plainText(text)).toBe(text);
  });
});

describe('rewritten scans agree with the regexes they replaced', () => {
  it('wordBefore captures what /(?:^|\\s)((?:\\p{L}\\.\\s?)*\\p{L}+)$/u did', () => {
    const regex = /(?:^|\s)((?:[\p{L}]\.\s?)*[\p{L}]+)$/u;
    const alphabet = ['a', 'B', 'ж', 'е', '.', '.', ' ', '\t', '1', '𝐀', ',', '(', 'т'];
    for (const text of randomTexts(alphabet, 20_000))
      for (const start of [0, 1, Math.floor(text.length / 3)])
        expect([text, start, wordBefore(text, start, text.length)]).toEqual([
          text,
          start,
          regex.exec(text.slice(start))?.[1],
        ]);
  });

  it('plainText removes links and tags exactly as before', () => {
    const before = (text: string) =>
      text
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<[^>]+>/g, '')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
        .replace(/`([^`]*)`/g, '$1')
        .replace(/\s+/g, ' ')
        .trim();
    const alphabet = ['[', ']', '(', ')', '<', '>', '!', 'a', ' ', '*', '_', '`', 'b'];
    for (const text of randomTexts(alphabet, 20_000))
      expect([text, plainText(text)]).toEqual([text, before(text)]);
  });

  it('startsUserStory gives the verdicts of /как\\s+\\S+.*\\s(?:я\\s+)?хочу/', () => {
    const before = /^(as an?\s+\S|как\s+\S+.*\s(?:я\s+)?хочу|я,?\s+как\s)/i;
    const alphabet = ['как ', 'я ', 'хочу', ' ', 'ж', ',', 'As a ', 'x', '\n'];
    for (const text of randomTexts(alphabet, 20_000))
      expect([text, startsUserStory(text)]).toEqual([text, before.test(text)]);
  });
});
