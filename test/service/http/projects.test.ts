import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/service/start-server.ts';
import { startServerOn } from '../support/server-on-store.ts';

/** What the routes answer: a project, a list, a deletion or an error. */
type Body = Record<string, unknown> & {
  error: { code: string; message: string };
  items: { id: string }[];
};

interface Answer {
  status: number;
  body: Body;
}

describe.each(['pglite', 'postgres'] as const)('projects over HTTP (%s)', (store) => {
  let server: RunningServer;
  let allKey: string;
  let billingKey: string;

  beforeAll(async () => {
    server = await startServerOn(store);
    allKey = (await server.runtime.stores.keys.create('*', 'admin')).key;
    billingKey = (await server.runtime.stores.keys.create('billing-api', 'billing')).key;
  });

  afterAll(async () => {
    await server?.close();
  });

  async function call(method: string, url: string, body?: unknown, key = allKey): Promise<Answer> {
    const response = await fetch(`${server.url}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Body };
  }

  it('creates projects with unique slug ids derived from their names', async () => {
    const first = await call('POST', '/api/v1/projects', { name: 'Billing API', description: 'invoices' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: 'billing-api',
      name: 'Billing API',
      description: 'invoices',
      links: { chat: '/api/v1/projects/billing-api/chat' },
    });
    const second = await call('POST', '/api/v1/projects', { name: '  billing   API!! ' });
    expect(second.body).toMatchObject({ id: 'billing-api-2', name: 'billing   API!!' });
    const accented = await call('POST', '/api/v1/projects', { name: 'Café Crème' });
    expect(accented.body['id']).toBe('cafe-creme');
    const cyrillic = await call('POST', '/api/v1/projects', { name: 'Биллинг' });
    expect(cyrillic.body['id']).toBe('project');

    const chosen = await call('POST', '/api/v1/projects', { name: 'Mine', id: 'my-own' });
    expect(chosen.body['id']).toBe('my-own');
    const taken = await call('POST', '/api/v1/projects', { name: 'Again', id: 'my-own' });
    expect(taken.status).toBe(409);
    expect(taken.body['error']).toMatchObject({ code: 'TESTOPS_PROJECT_EXISTS' });

    const list = await call('GET', '/api/v1/projects');
    expect(list.body.items.map((p) => p.id)).toEqual(
      expect.arrayContaining(['default', 'billing-api', 'billing-api-2', 'my-own']),
    );
  });

  it('refuses bad bodies with the field and what was expected', async () => {
    const empty = await call('POST', '/api/v1/projects', { name: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('body.name');
    const badId = await call('POST', '/api/v1/projects', { name: 'x', id: 'Not A Slug' });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toContain('lower-case letters');
    const nothing = await call('PATCH', '/api/v1/projects/my-own', {});
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.message).toContain('nothing to change');
  });

  it('reads, renames and reports unknown projects as 404', async () => {
    const renamed = await call('PATCH', '/api/v1/projects/my-own', { name: 'Renamed', description: 'd' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: 'my-own', name: 'Renamed', description: 'd' });
    expect((await call('GET', '/api/v1/projects/my-own')).body['name']).toBe('Renamed');
    const missing = await call('GET', '/api/v1/projects/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('TESTOPS_PROJECT_NOT_FOUND');
  });

  it('lets a project-scoped key see and change only its own project', async () => {
    const list = await call('GET', '/api/v1/projects', undefined, billingKey);
    expect(list.body.items.map((p) => p.id)).toEqual(['billing-api']);
    expect((await call('GET', '/api/v1/projects/billing-api', undefined, billingKey)).status).toBe(200);
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { name: 'x' }],
      ['DELETE', undefined],
    ] as const) {
      const other = await call(method, '/api/v1/projects/my-own', body, billingKey);
      expect(other.status, method).toBe(403);
    }
    const create = await call('POST', '/api/v1/projects', { name: 'Elsewhere' }, billingKey);
    expect(create.status).toBe(403);
    expect(create.body.error.message).toContain('"*"');
  });

  it('deletes a project with its tasks and revokes its keys, but not while a task is pending', async () => {
    const { stores } = server.runtime;
    const project = await call('POST', '/api/v1/projects', { name: 'Doomed' });
    const id = String(project.body['id']);
    const key = (await stores.keys.create(id, 'doomed')).key;
    const { job } = await stores.jobs.create({ projectId: id, kind: 'validate', input: {} });
    const busy = await call('DELETE', `/api/v1/projects/${id}`);
    expect(busy.status).toBe(409);
    expect(busy.body['error']).toMatchObject({ code: 'TESTOPS_PROJECT_NOT_DELETABLE' });
    expect(busy.body.error.message).toContain('1 pending or running task');

    await stores.jobs.requestCancel(job.id);
    await stores.secrets.put(id, 'TOKEN', 'secret');
    const deleted = await call('DELETE', `/api/v1/projects/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id, deleted: true, removed: { tasks: 1, chats: 0, revoked_keys: 1 } });
    expect(await stores.jobs.get(job.id)).toBeUndefined();
    expect(await stores.secrets.list(id)).toEqual([]);
    expect((await call('GET', `/api/v1/projects/${id}`)).status).toBe(404);
    expect((await call('GET', '/api/v1/projects', undefined, key)).status).toBe(401);
    expect((await call('DELETE', `/api/v1/projects/${id}`)).status).toBe(404);

    const fallback = await call('DELETE', '/api/v1/projects/default');
    expect(fallback.status).toBe(409);
    expect(fallback.body.error.message).toContain('default project');
  });

  it('publishes the contracts in /openapi.json', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(document.paths['/api/v1/projects'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(Object.keys(document.paths['/api/v1/projects/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
  });
});
