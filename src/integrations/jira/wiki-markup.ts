import type { InlineText, IssueBlock } from './issue-document.ts';

/**
 * Jira wiki markup (Server and Data Center, REST v2). Plain text is escaped so a response body
 * such as `{"a": [1]}` or a title with `*` or `_` is shown as written, not as formatting; code
 * goes in `{noformat}` blocks, where nothing is interpreted except the closing tag itself.
 */
export function toWikiMarkup(blocks: IssueBlock[]): string {
  return blocks.map(block).join('\n\n');
}

function block(value: IssueBlock): string {
  switch (value.kind) {
    case 'heading':
      return `h3. ${escapeWiki(value.text)}`;
    case 'paragraph':
      return line(value.parts);
    case 'code':
      return `{noformat}\n${value.text.replaceAll('{noformat}', '{ noformat}')}\n{noformat}`;
    case 'bullets':
      return value.items.map((item) => `* ${line(item)}`).join('\n');
  }
}

function line(parts: InlineText[]): string {
  return parts.map(inline).join('');
}

function inline(part: InlineText): string {
  if (part.href) return `[${escapeWiki(part.text)}|${part.href}]`;
  if (part.code) return `{{${escapeWiki(part.text)}}}`;
  if (part.strong) return `*${escapeWiki(part.text)}*`;
  return escapeWiki(part.text);
}

/** Always read as markup: braces (macros), brackets (links), pipes, `!` (images), the escape itself. */
const ALWAYS = /[\\{}[\]|!]/;
/** Read as markup only at a word's edge: `*strong*`, `_emphasis_`, `-deleted-`, `+inserted+`, `^sup^`, `~sub~`, `??cite??`, `#` lists. */
const AT_EDGE = /[*_\-+^~?#]/;
const EDGE = /[\s\p{P}\p{S}]/u;

/**
 * Plain text as wiki markup shows it: characters that would start formatting are escaped with
 * a backslash, and only where they would (a date such as 2026-12-02 stays readable).
 */
export function escapeWiki(value: string): string {
  let escaped = '';
  for (let index = 0; index < value.length; index += 1) {
    const character = value[index]!;
    const before = value[index - 1];
    const after = value[index + 1];
    const atEdge = before === undefined || after === undefined || EDGE.test(before) || EDGE.test(after);
    escaped += ALWAYS.test(character) || (AT_EDGE.test(character) && atEdge) ? `\\${character}` : character;
  }
  return escaped;
}
