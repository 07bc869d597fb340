import type { SourceLine } from './source-lines.ts';

// What one line is, judged on its own. Context (is this short line a section label? does this
// indented line continue the item above?) is decided by the document reader.

/** Numbered and lettered items at a deeper indent are still siblings ("a)" then "  b)"). */
export type MarkerFamily = 'bullet' | 'number' | 'letter';

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'fence' }
  | { kind: 'rule'; char: string }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'item'; text: string; family: MarkerFamily }
  | { kind: 'table-row'; cells: string[] }
  | { kind: 'table-rule' }
  | { kind: 'comment' }
  | { kind: 'text'; text: string };

// Bullets people use: -, *, +, •, ·, ▪, ●, ◦, en/em dashes; numbers "1." "1)" "(1)"; letters "a)" "б)".
const ITEM = /^(?:[-*+•·▪●◦–—](?!-)|\d{1,3}(?:\.\d{1,3})*[.)]|\(\d{1,3}\)|\(?[a-zа-яё]\))\s+(.*\S)$/i;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;
const RULE = /^([-=*_])(?:\s*\1){2,}$/;
const TABLE_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

export function classifyLine(line: SourceLine): LineKind {
  const text = line.text;
  if (text === '') return { kind: 'blank' };
  if (/^(```|~~~)/.test(text)) return { kind: 'fence' };
  if (/^<!--.*-->$/.test(text)) return { kind: 'comment' };
  const heading = HEADING.exec(text);
  if (heading) return { kind: 'heading', level: heading[1]!.length, text: heading[2]! };
  if (RULE.test(text)) return { kind: 'rule', char: text[0]! };
  if (TABLE_RULE.test(text) && text.includes('|')) return { kind: 'table-rule' };
  if (text.startsWith('|')) return { kind: 'table-row', cells: tableCells(text) };
  const item = ITEM.exec(text);
  if (item) return { kind: 'item', text: item[1]!, family: markerFamily(text) };
  return { kind: 'text', text: text.replace(/^>\s?/, '') };
}

function markerFamily(text: string): MarkerFamily {
  if (/^\(?\d/.test(text)) return 'number';
  return /^\(?[a-zа-яё]\)/i.test(text) ? 'letter' : 'bullet';
}

function tableCells(text: string): string[] {
  return text
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}
