// A paragraph often holds several requirements, one per sentence. Sentences end at . ! ? or ;
// followed by a capital letter (Latin or Cyrillic) or a quote, never after a common
// abbreviation ("e.g.", "incl.", "т. е.") or inside a number ("1.5 GB").

const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'incl',
  'etc',
  'approx',
  'vs',
  'no',
  'max',
  'min',
  'т.е',
  'т.д',
  'т.п',
  'т. е',
  'т. д',
  'т. п',
  'см',
  'напр',
  'мин',
  'макс',
  'руб',
  'тыс',
  'ок',
]);

import type { SourceLine } from './source-lines.ts';

export interface Sentence {
  text: string;
  /** Offset of its first character in the paragraph. */
  offset: number;
}

export function splitSentences(paragraph: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const boundary = /[.!?](?=\s+["«“A-ZА-ЯЁ0-9])/g;
  for (let match = boundary.exec(paragraph); match; match = boundary.exec(paragraph)) {
    const end = match.index + 1;
    if (isAbbreviation(paragraph, start, match.index)) continue;
    push(sentences, paragraph, start, end);
    start = end;
  }
  push(sentences, paragraph, start, paragraph.length);
  return sentences;
}

function isAbbreviation(paragraph: string, start: number, end: number): boolean {
  const word = wordBefore(paragraph, start, end)?.toLowerCase();
  return word !== undefined && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word));
}

/**
 * The word that ends at `end`, read backwards from there: what
 * `/(?:^|\s)((?:\p{L}\.\s?)*\p{L}+)$/u` captures in `paragraph.slice(start, end)` ("e.g", "т. е",
 * "incl"). The regex over the slice rescanned the sentence so far at every full stop after an
 * abbreviation, O(n²) in a paragraph full of "No. 5" and "e.g."; this walks only the word.
 */
export function wordBefore(paragraph: string, start: number, end: number): string | undefined {
  let position = end;
  while (position > start && isLetter(paragraph, start, position))
    position -= codeUnitsBefore(paragraph, start, position);
  if (position === end) return undefined;
  // The leftmost start wins: at the slice start or after a space, extended by "x." and "x. " units.
  let word = startsWord(paragraph, start, position) ? position : undefined;
  for (;;) {
    let dot = position;
    if (dot - 2 >= start && /\s/.test(paragraph[dot - 1]!) && paragraph[dot - 2] === '.') dot -= 1;
    if (dot - 1 <= start || paragraph[dot - 1] !== '.' || !isLetter(paragraph, start, dot - 1)) break;
    position = dot - 1 - codeUnitsBefore(paragraph, start, dot - 1);
    if (startsWord(paragraph, start, position)) word = position;
  }
  return word === undefined ? undefined : paragraph.slice(word, end);
}

/** Whether the code point that ends at `end` (not reaching before `start`) is a letter. */
function isLetter(text: string, start: number, end: number): boolean {
  return /\p{L}/u.test(text.slice(end - codeUnitsBefore(text, start, end), end));
}

/** 2 when a surrogate pair ends at `end` inside the slice, else 1. */
function codeUnitsBefore(text: string, start: number, end: number): number {
  const low = text.charCodeAt(end - 1);
  const high = end - 2 >= start ? text.charCodeAt(end - 2) : Number.NaN;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
}

function startsWord(text: string, start: number, position: number): boolean {
  return position === start || /\s/.test(text[position - 1]!);
}

function push(sentences: Sentence[], paragraph: string, start: number, end: number): void {
  const raw = paragraph.slice(start, end);
  const text = raw.trim();
  if (text === '') return;
  sentences.push({ text, offset: start + (raw.length - raw.trimStart().length) });
}

/** The sentences of a paragraph's lines, each with the line it starts on. */
export function sentencesOf(lines: SourceLine[]): { text: string; line: number }[] {
  const starts: { offset: number; line: number }[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push({ offset, line: line.number });
    offset += line.text.length + 1;
  }
  // Sentences come in offset order, so one walk over the line starts finds each one's line
  // (filtering all starts per sentence was O(lines × sentences) in a long paragraph).
  let current = 0;
  return splitSentences(lines.map((line) => line.text).join(' ')).map((sentence) => {
    while (current + 1 < starts.length && starts[current + 1]!.offset <= sentence.offset) current += 1;
    return { text: sentence.text, line: starts[current]!.line };
  });
}
