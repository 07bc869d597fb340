/** Rows of the first Markdown table after a heading, cells unescaped: how a reader sees the plan. */
export function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line === heading);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const first = lines.findIndex((line, index) => index > start && line.startsWith('| '));
  const rows: string[][] = [];
  for (let index = first + 2; lines[index]?.startsWith('| '); index += 1)
    rows.push(cells(lines[index] ?? ''));
  return rows;
}

function cells(line: string): string[] {
  return line
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((cell) => cell.replace(/\\\|/g, '|').replace(/\\\\/g, '\\'));
}

/** The bullet lines of a section, up to the next heading. */
export function bulletsAfter(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  const bullets: string[] = [];
  for (let index = start + 1; index < lines.length && !lines[index]?.startsWith('#'); index += 1) {
    const line = lines[index] ?? '';
    if (line.startsWith('- ')) bullets.push(line.slice(2));
  }
  return bullets;
}
