import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/service/start-server.ts';
import { startServerOn } from '../support/server-on-store.ts';

type Body = Record<string, unknown> & {
  error: { code: string; message: string };
  items: Record<string, unknown>[];
  next_cursor: string | null;
};

describe.each(['pglite', 'postgres'] as const)('chats and history over HTTP (%s)', (store) => {
  let server: RunningServer;
  let otherKey: string;

  beforeAll(async () => {
    server = await startServerOn(store);
    await server.runtime.stores.projects.create({ name: 'Shop', id: 'shop' });
    otherKey = (await server.runtime.stores.keys.create('elsewhere', 'other')).key;
  });

  afterAll(async () => {
    await server?.close();
  });

  async function call(method: string, url: string, body?: unknown, key?: string) {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Body };
  }

  it('creates, lists, renames and deletes chats inside a project only', async () => {
    const created = await call('POST', '/api/v1/projects/shop/chats', { title: 'Login' });
    expect(created.status).toBe(201);
    const id = String(created.body['id']);
    const untitled = await call('POST', '/api/v1/projects/shop/chats', {});
    expect(untitled.body['title']).toBe('New chat');
    const list = await call('GET', '/api/v1/projects/shop/chats?limit=10');
    expect(list.body.items.map((chat) => chat['id'])).toEqual([untitled.body['id'], id]);

    expect(
      (await call('PATCH', `/api/v1/projects/shop/chats/${id}`, { title: 'Checkout' })).body,
    ).toMatchObject({
      title: 'Checkout',
    });
    expect((await call('GET', `/api/v1/projects/default/chats/${id}`)).status).toBe(404);
    expect((await call('GET', `/api/v1/projects/shop/chats/${id}`, undefined, otherKey)).status).toBe(403);
    expect((await call('GET', '/api/v1/projects/missing/chats')).body.error.code).toBe(
      'TESTOPS_PROJECT_NOT_FOUND',
    );
    expect((await call('DELETE', `/api/v1/projects/shop/chats/${id}`)).body).toEqual({ id, deleted: true });
    const gone = await call('GET', `/api/v1/projects/shop/chats/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('TESTOPS_CHAT_NOT_FOUND');
  });

  it('pages the history by cursor and filters it by chat and trace id', async () => {
    const { chats } = server.runtime.stores;
    const chat = await chats.create('shop', 'History');
    const traceA = 'a'.repeat(32);
    let parentId: string | undefined;
    for (let i = 0; i < 5; i++) {
      const message = await chats.append({
        chatId: chat.id,
        role: i % 2 ? 'assistant' : 'user',
        content: `m${i}`,
        traceId: i < 2 ? traceA : 'b'.repeat(32),
        ...(parentId ? { parentId } : {}),
        ...(i % 2
          ? { model: 'fixture', inputTokens: 5, outputTokens: 7, latencyMs: 12, finishReason: 'stop' }
          : {}),
      });
      parentId = message!.id;
    }
    const base = `/api/v1/projects/shop/history?chat_id=${chat.id}`;
    const first = await call('GET', `${base}&limit=3`);
    expect(first.body.items.map((m) => m['content'])).toEqual(['m4', 'm3', 'm2']);
    expect(first.body.items[1]).toMatchObject({
      role: 'assistant',
      model: 'fixture',
      usage: { input_tokens: 5, output_tokens: 7 },
      latency_ms: 12,
      finish_reason: 'stop',
    });
    const second = await call('GET', `${base}&limit=3&cursor=${first.body.next_cursor}`);
    expect(second.body.items.map((m) => m['content'])).toEqual(['m1', 'm0']);
    expect(second.body.next_cursor).toBeNull();
    const traced = await call('GET', `/api/v1/projects/shop/history?trace_id=${traceA}&order=asc`);
    expect(traced.body.items.map((m) => m['content'])).toEqual(['m0', 'm1']);
    const badTrace = await call('GET', '/api/v1/projects/shop/history?trace_id=xyz');
    expect(badTrace.status).toBe(400);
    expect(badTrace.body.error.message).toContain('32 lower-case hex digits');
  });
});
