import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local server speaking the two calls of Notion's API the behaviour source makes, in the
// documented shapes: GET /v1/pages/{id} and GET /v1/blocks/{id}/children (cursor pagination).
// https://developers.notion.com/reference/retrieve-a-page,
// https://developers.notion.com/reference/get-block-children

export interface NotionPage {
  lastEdited: string;
  /** Top-level blocks, in order; `yaml` blocks become code blocks with that language. */
  blocks: ({ paragraph: string } | { code: string; language: string })[];
}

export interface NotionServer {
  baseUrl: string;
  page: NotionPage;
  /** Answer every request with this status (a Notion outage). */
  failWith: number | undefined;
  requests: { path: string; authorization: string | undefined; version: string | undefined }[];
  close(): Promise<void>;
}

export const PAGE_ID = '1a2b3c4d-0000-4000-8000-00000000beef';
const PAGE_SIZE_LIMIT = 100;

export async function startNotionServer(page: NotionPage, token: string): Promise<NotionServer> {
  const state: NotionServer = { baseUrl: '', page, failWith: undefined, requests: [], close: async () => {} };
  const server = createServer((request, response) => handle(state, token, request, response));
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}

function handle(
  state: NotionServer,
  token: string,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const url = new URL(request.url ?? '/', 'http://notion');
  state.requests.push({
    path: `${url.pathname}${url.search}`,
    authorization: request.headers.authorization,
    version: request.headers['notion-version'] as string | undefined,
  });
  if (state.failWith) return error(response, state.failWith, 'service_unavailable', 'Notion is unavailable.');
  if (request.headers.authorization !== `Bearer ${token}`)
    return error(response, 401, 'unauthorized', 'API token is invalid.');
  if (!request.headers['notion-version'])
    return error(response, 400, 'missing_version', 'Notion-Version header failed validation.');
  const pageMatch = /^\/v1\/pages\/([^/]+)$/.exec(url.pathname);
  if (request.method === 'GET' && pageMatch && pageMatch[1] === PAGE_ID)
    return send(response, 200, pageObject(state.page));
  const childrenMatch = /^\/v1\/blocks\/([^/]+)\/children$/.exec(url.pathname);
  if (request.method === 'GET' && childrenMatch && childrenMatch[1] === PAGE_ID) {
    const size = Math.min(Number(url.searchParams.get('page_size') ?? PAGE_SIZE_LIMIT), PAGE_SIZE_LIMIT);
    // Our server pages by 2 whatever is asked, so pagination is exercised on a short page.
    const pageSize = Math.min(size, 2);
    const start = Number(url.searchParams.get('start_cursor') ?? 0);
    const blocks = state.page.blocks.map(blockObject);
    const slice = blocks.slice(start, start + pageSize);
    const more = start + pageSize < blocks.length;
    return send(response, 200, {
      object: 'list',
      results: slice,
      next_cursor: more ? String(start + pageSize) : null,
      has_more: more,
      type: 'block',
      block: {},
      request_id: 'req-fixture',
    });
  }
  error(response, 404, 'object_not_found', `Could not find block with ID: ${url.pathname}.`);
}

function pageObject(page: NotionPage) {
  return {
    object: 'page',
    id: PAGE_ID,
    created_time: '2026-11-01T10:00:00.000Z',
    last_edited_time: page.lastEdited,
    created_by: { object: 'user', id: 'u1' },
    last_edited_by: { object: 'user', id: 'u1' },
    cover: null,
    icon: null,
    parent: { type: 'workspace', workspace: true },
    archived: false,
    in_trash: false,
    is_locked: false,
    properties: { title: { id: 'title', type: 'title', title: [] } },
    url: `https://www.notion.so/${PAGE_ID.replace(/-/g, '')}`,
    public_url: null,
  };
}

function richText(content: string) {
  return {
    type: 'text',
    text: { content, link: null },
    annotations: {
      bold: false,
      italic: false,
      strikethrough: false,
      underline: false,
      code: false,
      color: 'default',
    },
    plain_text: content,
    href: null,
  };
}

function blockObject(block: NotionPage['blocks'][number], index: number) {
  const common = {
    object: 'block',
    id: `block-${index}`,
    parent: { type: 'page_id', page_id: PAGE_ID },
    created_time: '2026-11-01T10:00:00.000Z',
    last_edited_time: '2026-11-01T10:00:00.000Z',
    created_by: { object: 'user', id: 'u1' },
    last_edited_by: { object: 'user', id: 'u1' },
    has_children: false,
    archived: false,
    in_trash: false,
  };
  if ('paragraph' in block)
    return {
      ...common,
      type: 'paragraph',
      paragraph: { rich_text: [richText(block.paragraph)], color: 'default' },
    };
  // Notion splits long code into rich-text pieces of at most 2,000 characters.
  const pieces = block.code.match(/[\s\S]{1,2000}/g) ?? [''];
  return {
    ...common,
    type: 'code',
    code: { caption: [], rich_text: pieces.map(richText), language: block.language },
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function error(response: ServerResponse, status: number, code: string, message: string): void {
  send(response, status, { object: 'error', status, code, message, request_id: 'req-fixture' });
}
