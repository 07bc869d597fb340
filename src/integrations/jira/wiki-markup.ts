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

/** Characters wiki markup reads as formatting, escaped with a backslash; newlines kept as line breaks. */
export function escapeWiki(value: string): string {
  return value.replace(/[\\{}[\]*_|!#^~+?\-]/g, (character) => `\\${character}`);
}
