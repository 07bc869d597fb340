import type { InlineText, IssueBlock } from './issue-document.ts';

/**
 * Atlassian Document Format (Jira Cloud, REST v3): a `doc` of block nodes whose text nodes carry
 * marks. ADF refuses empty text nodes, so empty parts are dropped and an empty block becomes a
 * paragraph without content (which it accepts).
 */
export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export interface AdfDocument {
  version: 1;
  type: 'doc';
  content: AdfNode[];
}

export function toAdf(blocks: IssueBlock[]): AdfDocument {
  return { version: 1, type: 'doc', content: blocks.map(blockNode) };
}

function blockNode(block: IssueBlock): AdfNode {
  switch (block.kind) {
    case 'heading':
      return { type: 'heading', attrs: { level: 3 }, content: inline([{ text: block.text }]) };
    case 'paragraph':
      return paragraphNode(block.parts);
    case 'code':
      return {
        type: 'codeBlock',
        attrs: { language: block.language },
        ...(block.text === '' ? {} : { content: [{ type: 'text', text: block.text }] }),
      };
    case 'bullets':
      return {
        type: 'bulletList',
        content: block.items.map((item) => ({ type: 'listItem', content: [paragraphNode(item)] })),
      };
  }
}

function paragraphNode(parts: InlineText[]): AdfNode {
  const content = inline(parts);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function inline(parts: InlineText[]): AdfNode[] {
  return parts
    .filter((part) => part.text !== '')
    .map((part) => {
      const marks = [
        ...(part.href ? [{ type: 'link', attrs: { href: part.href } }] : []),
        ...(part.code ? [{ type: 'code' }] : []),
        ...(part.strong && !part.code ? [{ type: 'strong' }] : []),
      ];
      return { type: 'text', text: part.text, ...(marks.length > 0 ? { marks } : {}) };
    });
}
