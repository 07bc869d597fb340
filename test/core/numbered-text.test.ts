import { describe, expect, it } from 'vitest';
import { renumbered } from '../../src/core/numbered-text.ts';

describe('renumbered', () => {
  it('finds the same words with another number, inside a longer text too', () => {
    expect(renumbered('New Tiddler 4', "Draft of 'New Tiddler 5'")).toBe(true);
    expect(renumbered('0 matches', '2 matches')).toBe(true);
    expect(renumbered('Page 1 of 3', 'Page 1 of 4')).toBe(true);
  });

  it('needs words and another number: the same text, bare numbers and other words are not', () => {
    expect(renumbered('New Tiddler 4', "Draft of 'New Tiddler 4'")).toBe(false);
    expect(renumbered('12', '13')).toBe(false);
    expect(renumbered('3 items', '3 tasks')).toBe(false);
    expect(renumbered('Enter a number from 10 to 4096', 'Enter a whole number from 1 to 100')).toBe(false);
  });
});
