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
    if (isAbbreviation(paragraph.slice(start, match.index))) continue;
    push(sentences, paragraph, start, end);
    start = end;
  }
  push(sentences, paragraph, start, paragraph.length);
  return sentences;
}

function isAbbreviation(before: string): boolean {
  const word = /(?:^|\s)((?:[\p{L}]\.\s?)*[\p{L}]+)$/u.exec(before)?.[1]?.toLowerCase();
  return word !== undefined && (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word));
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
  return splitSentences(lines.map((line) => line.text).join(' ')).map((sentence) => ({
    text: sentence.text,
    line: starts.filter((start) => start.offset <= sentence.offset).at(-1)!.line,
  }));
}
