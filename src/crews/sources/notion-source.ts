import { Client, isFullBlock, isFullPage } from '@notionhq/client';
import { describeError, TestopsError } from '../../core/errors.ts';
import type { BehaviorSource } from './behavior-source.ts';

export interface NotionSourceOptions {
  pageId: string;
  token: string;
  /** Notion's API origin; a local server speaking its protocol in tests. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** Pages a behaviour page may have before its YAML block is given up on (100 blocks each). */
const MAX_PAGES = 20;

/**
 * The first YAML code block of a Notion page, through the official client. The page's
 * `last_edited_time` is asked first: an unchanged page costs one request and no block reads.
 */
export class NotionBehaviorSource implements BehaviorSource {
  readonly label: string;
  private readonly client: Client;
  private lastEdited: string | undefined;

  constructor(private readonly options: NotionSourceOptions) {
    this.label = `notion page ${options.pageId}`;
    this.client = new Client({
      auth: options.token,
      timeoutMs: options.timeoutMs ?? 10_000,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      // The client's own console logging is off: failures reach our log through the error.
      logger: () => {},
    });
  }

  async read(): Promise<{ text: string; version: string } | 'unchanged'> {
    try {
      const page = await this.client.pages.retrieve({ page_id: this.options.pageId });
      if (!isFullPage(page)) throw new Error('the integration cannot read this page’s properties');
      if (page.last_edited_time === this.lastEdited) return 'unchanged';
      const text = await this.firstYamlBlock();
      this.lastEdited = page.last_edited_time;
      return { text, version: page.last_edited_time };
    } catch (error) {
      if (error instanceof TestopsError) throw error;
      throw new TestopsError(
        'TESTOPS_BEHAVIOR_SOURCE_FAILED',
        `Notion: ${describeError(error).split('\n')[0]}`,
        {
          where: this.label,
          hint: 'check TESTOPS_NOTION_TOKEN and that the page is shared with the integration; the last good behaviour keeps serving.',
          cause: error,
        },
      );
    }
  }

  private async firstYamlBlock(): Promise<string> {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const list = await this.client.blocks.children.list({
        block_id: this.options.pageId,
        page_size: 100,
        ...(cursor ? { start_cursor: cursor } : {}),
      });
      for (const block of list.results)
        if (isFullBlock(block) && block.type === 'code' && block.code.language === 'yaml')
          return block.code.rich_text.map((part) => part.plain_text).join('');
      if (!list.has_more || !list.next_cursor) break;
      cursor = list.next_cursor;
    }
    throw new TestopsError('TESTOPS_BEHAVIOR_INVALID', 'the page holds no YAML code block', {
      where: this.label,
      expected: 'a code block with the language YAML holding the crew',
      hint: 'add a /code block to the page and set its language to YAML.',
    });
  }
}
