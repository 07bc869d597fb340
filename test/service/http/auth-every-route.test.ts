import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { postJson } from '../support/service-client.ts';

// Regression: with keys required, `GET /%61pi/v1/tasks` was served without a key, because the
// check looked at the raw URL while the router matched the decoded path. Every route the app
// serves, in every spelling a client can send, must be refused without a key.
let dataDir: TempDataDir;
let server: RunningServer;
let taskId: string;

beforeAll(async () => {
  dataDir = await tempDataDir();
  const config = loadServiceConfig(
    { TESTOPS_DATA_DIR: dataDir.path, TESTOPS_REQUIRE_AUTH: '1', TESTOPS_RATE_LIMIT: '100000' },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config);
  const key = await server.runtime.stores.keys.create('billing', 'ci');
  const accepted = await postJson(
    `${server.url}/api/v1/validate`,
    { project_id: 'billing', files: [{ path: 'test_a.py', content: 'def test_a():\n    assert True\n' }] },
    { authorization: `Bearer ${key.key}` },
  );
  taskId = String(accepted.body['request_id']);
});

afterAll(async () => {
  await server?.close();
  await dataDir?.remove();
});

interface Route {
  path: string;
  methods: string[];
}

/** Every route as `printRoutes` lists it: a tree whose lines concatenate into full paths. */
function servedRoutes(tree: string): Route[] {
  const routes: Route[] = [];
  const stack: { depth: number; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length;
    while (stack.length > 0 && stack.at(-1)!.depth >= depth) stack.pop();
    const path = (stack.at(-1)?.path ?? '') + match[2]!;
    stack.push({ depth, path });
    if (match[3]) routes.push({ path, methods: match[3].split(', ') });
  }
  return routes;
}

const hex = (char: string) => char.charCodeAt(0).toString(16);

/** The spellings of one path that a router might serve as that route. */
function spellings(path: string): string[] {
  const segments = path.split('/').filter(Boolean);
  const first = segments[0] ?? '';
  const rest = segments.slice(1).join('/');
  const tail = rest ? `/${rest}` : '';
  return [
    path,
    `/%${hex(first)}${first.slice(1)}${tail}`,
    `/%${hex(first).toUpperCase()}${first.slice(1)}${tail}`,
    `/${[...first].map((char) => `%${hex(char)}`).join('')}${tail}`,
    `/%25${hex(first)}${first.slice(1)}${tail}`,
    `/${first.toUpperCase()}${tail}`,
    `${path}/`,
    `/${first}${tail.replace(/\/([a-z])/, (_all, c: string) => `/%${hex(c)}`)}`,
    `/${first}/.${tail}`,
    `//${first}${tail}`,
  ];
}

function send(method: string, path: string): Promise<number> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(method === 'POST' ? '{}' : undefined);
  });
}

describe('authentication applies to what the router serves', () => {
  it('refuses every guarded route, in every spelling, without a key', async () => {
    const routes = servedRoutes(server.app.printRoutes({ commonPrefix: false }));
    const guarded = routes.filter(
      (route) => route.path.startsWith('/api') || route.path.startsWith('/admin'),
    );
    expect(guarded.length).toBeGreaterThanOrEqual(14);
    const served: string[] = [];
    for (const route of guarded) {
      const path = route.path.replace(':id', taskId);
      for (const method of route.methods.filter((verb) => verb !== 'HEAD'))
        for (const spelling of spellings(path)) {
          const status = await send(method, spelling);
          if (status !== 401) served.push(`${method} ${spelling} → ${status}`);
        }
    }
    expect(served).toEqual([]);
  });

  it('keeps probes and the documentation public', async () => {
    for (const path of ['/health', '/metrics', '/openapi.json', '/docs/json'])
      expect(await send('GET', path), path).toBe(200);
  });
});
