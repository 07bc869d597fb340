import { describe, expect, it } from 'vitest';
import { toAdf } from '../../../src/integrations/jira/adf.ts';
import { paragraph } from '../../../src/integrations/jira/issue-document.ts';
import { escapeWiki, toWikiMarkup } from '../../../src/integrations/jira/wiki-markup.ts';

describe('issue description formats', () => {
  const blocks = [
    { kind: 'heading' as const, text: 'Actual' },
    paragraph('status ', { text: '500', code: true }, ' for ', {
      text: 'the report',
      href: 'https://x.example/r?a=1|2',
    }),
    { kind: 'code' as const, language: 'text' as const, text: '' },
    { kind: 'bullets' as const, items: [[{ text: 'a' }], [{ text: '' }]] },
  ];

  it('renders ADF without empty text nodes (Jira Cloud refuses them)', () => {
    expect(toAdf(blocks)).toEqual({
      version: 1,
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Actual' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'status ' },
            { type: 'text', text: '500', marks: [{ type: 'code' }] },
            { type: 'text', text: ' for ' },
            {
              type: 'text',
              text: 'the report',
              marks: [{ type: 'link', attrs: { href: 'https://x.example/r?a=1|2' } }],
            },
          ],
        },
        { type: 'codeBlock', attrs: { language: 'text' } },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph' }] },
          ],
        },
      ],
    });
  });

  it('renders wiki markup with text escaped only where Jira would format it', () => {
    expect(toWikiMarkup(blocks.slice(0, 2))).toBe(
      'h3. Actual\n\nstatus {{500}} for [the report|https://x.example/r?a=1|2]',
    );
    expect(escapeWiki('PATCH /vms/{id} keeps name_*new*_ [x] on 2026-12-02 -struck- a+b')).toBe(
      'PATCH /vms/\\{id\\} keeps name\\_\\*new\\*\\_ \\[x\\] on 2026-12-02 \\-struck\\- a+b',
    );
  });
});
