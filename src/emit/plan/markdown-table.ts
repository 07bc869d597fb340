/** A GitHub-flavoured Markdown table; cells are escaped so a `|` or a line break in a title cannot break it. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly CellValue[])[]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

export type CellValue = string | number | undefined;

function cell(value: CellValue): string {
  if (value === undefined || value === '') return '–';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/** A bulleted list, or one line saying there is nothing, so no section is ever empty. */
export function bulletList(items: readonly string[], none: string): string[] {
  return items.length > 0 ? items.map((item) => `- ${item}`) : [`- ${none}`];
}
