// Requirements arrive as whatever people type: CRLF or CR line ends, a BOM, tabs, non-breaking
// spaces, trailing blanks, Markdown emphasis. Every reader works on these cleaned lines, which
// keep their 1-based line number so each requirement can point back to where it was written.

export interface SourceLine {
  /** 1-based line number in the original file. */
  number: number;
  /** Leading spaces after tabs were expanded (a tab counts as four). */
  indent: number;
  /** The line without leading or trailing whitespace. */
  text: string;
}

export function splitSourceLines(raw: string): SourceLine[] {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ');
  return text.split('\n').map((line, index) => {
    // trimEnd strips what /\s+$/ does, without rescanning every run of inner spaces (O(run²)).
    const expanded = line.replace(/\t/g, '    ').trimEnd();
    const trimmed = expanded.trimStart();
    return { number: index + 1, indent: expanded.length - trimmed.length, text: trimmed };
  });
}

/** Markdown inline markup removed: emphasis, code spans, links (their text stays), HTML tags. */
export function plainText(text: string): string {
  const withoutTags = replaceUpTo(
    replaceUpTo(text, ')', /!?\[([^\]]*)\]\([^)]*\)/g, '$1'),
    '>',
    /<[^>]+>/g,
    '',
  );
  return withoutTags
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `text.replace(pattern, replacement)` for a pattern whose every match ends with `last`: only
 * the text up to the last `last` is searched. Each "<" or "[" with no ">" or ")" after it made
 * the regex scan to the end of the line: O(n²) on a long line of "a < b" comparisons.
 */
function replaceUpTo(text: string, last: string, pattern: RegExp, replacement: string): string {
  const end = text.lastIndexOf(last) + 1;
  if (end === 0) return text;
  return text.slice(0, end).replace(pattern, replacement) + text.slice(end);
}
