/** A GitHub-flavoured Markdown table; cells are escaped so `|` and newlines cannot break it. */
export function markdownTable(header: string[], rows: string[][]): string {
  if (rows.length === 0) return '_None._';
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** `tests/disks.spec.ts:42` with the title, for lists of tests. */
export function testLabel(test: { title: string; file: string; line: number }): string {
  return `${test.title} (${test.file}:${test.line})`;
}
