import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApi } from '../../src/pipeline/generate-api.ts';

// allure-pytest cannot be installed here; a no-op `allure` stands in for it in tests only.
process.env['PYTHONPATH'] = resolve('test/emit/pytest/fixtures/allure-stub');

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const account = {
  type: 'object',
  required: ['user'],
  properties: {
    user: {
      type: 'object',
      required: ['email', 'password'],
      properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } },
    },
  },
};
const me = {
  type: 'object',
  properties: {
    user: { type: 'object', properties: { email: { type: 'string' }, token: { type: 'string' } } },
  },
};
const spec = {
  openapi: '3.0.3',
  info: { title: 'Accounts', version: '1' },
  components: {
    securitySchemes: {
      Token: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Token <jwt>' },
    },
  },
  paths: {
    '/users': {
      post: {
        requestBody: { required: true, ...json(account) },
        responses: { '201': { description: 'ok', ...json(me) } },
      },
    },
    '/users/login': {
      post: {
        requestBody: { required: true, ...json(account) },
        responses: { '200': { description: 'ok', ...json(me) } },
      },
    },
    '/user': {
      get: {
        security: [{ Token: [] }],
        responses: { '200': { description: 'me', ...json(me) }, '401': { description: 'no' } },
      },
    },
  },
};

/** A real HTTP server with its own accounts: register, log in (answers a token), read yourself. */
function accountsServer(): Server {
  const passwords = new Map<string, string>();
  const tokens = new Map<string, string>();
  return createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const send = (status: number, body?: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(body === undefined ? '' : JSON.stringify(body));
      };
      const user = (() => {
        try {
          return (JSON.parse(text) as { user?: { email?: unknown; password?: unknown } }).user;
        } catch {
          return undefined;
        }
      })();
      const valid = typeof user?.email === 'string' && typeof user.password === 'string';
      if (request.method === 'POST' && request.url === '/users') {
        if (!valid) return send(422, { errors: ['email and password'] });
        passwords.set(user.email as string, user.password as string);
        return send(201, { user: { email: user.email } });
      }
      if (request.method === 'POST' && request.url === '/users/login') {
        if (!valid || passwords.get(user.email as string) !== user.password) return send(422, {});
        const token = randomUUID();
        tokens.set(token, user.email as string);
        return send(200, { user: { email: user.email, token } });
      }
      if (request.method === 'GET' && request.url === '/user') {
        const token = /^Token (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        const email = token ? tokens.get(token) : undefined;
        return email ? send(200, { user: { email, token } }) : send(401, {});
      }
      send(404, {});
    });
  });
}

let dir: string;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'testops-pytest-sign-in-'));
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
  server = accountsServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server?.close(done));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('generate api --format pytest on an API with register → log-in', () => {
  it('signs in with an account of its own, so the authenticated test passes without API_TOKEN', async () => {
    const saved = process.env['API_TOKEN'];
    delete process.env['API_TOKEN'];
    try {
      const report = await generateApi({
        spec: join(dir, 'openapi.json'),
        outDir: join(dir, 'suite'),
        format: 'pytest',
        baseUrl,
        only: ['GET /user'],
        run: true,
        repeat: 1,
      });
      const signIn = await readFile(join(dir, 'suite', 'support', 'sign_in.py'), 'utf8');
      expect(signIn).toContain('return field_at(response2.json, "user.token")');
      const success = report.tests.generated - report.suspectedDefects.length;
      expect(report.suspectedDefects).toEqual([]);
      expect(success).toBeGreaterThan(1);
      expect(report.tests.delivered).toBe(report.tests.generated);
    } finally {
      if (saved !== undefined) process.env['API_TOKEN'] = saved;
    }
  });
});
