import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitPytestSuite } from '../../../src/emit/pytest/emit-pytest-suite.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { findPython, runPython } from './python-runner.ts';

// A server that keeps what earlier runs created (deletes are soft, names stay taken) and refuses a
// duplicate of any unique field with 409: a second run of the same suite must still pass.

const UNIQUE = ['contact', 'username', 'slug', 'title', 'code'] as const;
const input = {
  type: 'object',
  required: [...UNIQUE, 'bio'],
  additionalProperties: false,
  properties: {
    contact: { type: 'string', format: 'email', maxLength: 80 },
    username: { type: 'string', minLength: 3, maxLength: 16 },
    slug: { type: 'string', pattern: '^[a-z0-9-]+$', maxLength: 40 },
    title: { type: 'string', maxLength: 60 },
    code: { type: 'string', maxLength: 24, description: 'Unique in the organisation.' },
    bio: { type: 'string', maxLength: 200 },
  },
};
const member = {
  type: 'object',
  required: ['id', ...UNIQUE, 'bio'],
  properties: { id: { type: 'integer' }, ...input.properties },
};
const json = (schema: unknown) => ({ 'application/json': { schema } });
const spec = {
  openapi: '3.0.3',
  info: { title: 'Members', version: '1' },
  paths: {
    '/members': {
      post: {
        requestBody: { required: true, content: json({ $ref: '#/components/schemas/MemberInput' }) },
        responses: {
          '201': { description: 'made', content: json({ $ref: '#/components/schemas/Member' }) },
          '409': { description: 'a unique field is taken' },
          '422': { description: 'invalid' },
        },
      },
    },
    '/members/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      get: {
        responses: {
          '200': { description: 'one', content: json({ $ref: '#/components/schemas/Member' }) },
          '404': { description: 'none' },
        },
      },
      delete: { responses: { '204': { description: 'gone' }, '404': { description: 'none' } } },
    },
  },
  components: { schemas: { MemberInput: input, Member: member } },
};

function startMembersApi(): Promise<{ url: string; server: Server; refused: string[] }> {
  const validate = new Ajv({ strict: false }).addFormat('email', /^[^@\s]+@[^@\s]+$/).compile(input);
  const rows: ({ id: number; deleted: boolean } & Record<string, unknown>)[] = [];
  const refused: string[] = [];
  const send = (response: ServerResponse, status: number, body?: unknown) => {
    response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const handle = (request: IncomingMessage, response: ServerResponse, text: string) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (request.method === 'POST' && path === '/members') {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return send(response, 422, { detail: 'not JSON' });
      }
      if (!validate(body)) return send(response, 422, { detail: validate.errors });
      const fields = body as Record<string, unknown>;
      const taken = UNIQUE.find((field) => rows.some((row) => row[field] === fields[field]));
      if (taken) {
        refused.push(`${taken}=${String(fields[taken])}`);
        return send(response, 409, { detail: `${taken} is taken` });
      }
      const row = { ...fields, id: rows.length + 1, deleted: false };
      rows.push(row);
      const { deleted: _, ...shown } = row;
      return send(response, 201, shown);
    }
    const match = /^\/members\/(\d+)$/.exec(path);
    const row = match ? rows.find((candidate) => candidate.id === Number(match[1])) : undefined;
    if (!match) return send(response, 404, { detail: 'no route' });
    if (!row || row.deleted) return send(response, 404, { detail: 'no member' });
    if (request.method === 'GET') {
      const { deleted: _, ...shown } = row;
      return send(response, 200, shown);
    }
    if (request.method === 'DELETE') {
      row.deleted = true; // Soft: its unique values stay taken.
      return send(response, 204);
    }
    return send(response, 405, { detail: 'method' });
  };
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => handle(request, response, text));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, refused }),
    ),
  );
}

const python = findPython();
const workDir = mkdtempSync(join(tmpdir(), 'testops-unique-'));
let api: Awaited<ReturnType<typeof startMembersApi>>;

beforeAll(async () => {
  api = await startMembersApi();
});

afterAll(async () => {
  await new Promise((resolve) => api?.server.close(resolve));
  rmSync(workDir, { recursive: true, force: true });
});

describe('an emitted suite run twice against a server that kept the first run’s data', () => {
  it('collides on no unique field, learned values included', async () => {
    if (!python) throw new Error('No python3 with pytest, httpx and jsonschema (set TESTOPS_PYTHON)');
    const model = buildApiModel({
      location: 'members.json',
      sourceVersion: '3.0',
      document: spec,
      referenceIssues: [],
    });
    const suite = generateApiSuite(model, {
      specSource: 'members.json',
      // As if verification had learned these from the server.
      repairs: [{ operation: 'POST /members', in: 'body', path: ['username'], value: 'member.one' }],
    });
    const files = emitPytestSuite(suite, { baseUrl: undefined });
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(workDir, path)), { recursive: true });
      writeFileSync(join(workDir, path), content);
    }
    const run = () =>
      runPython(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], workDir, {
        API_BASE_URL: api.url,
      });
    const first = await run();
    expect(first.code, first.output.slice(-3000)).toBe(0);
    const second = await run();
    expect(second.code, second.output.slice(-3000)).toBe(0);
    expect(api.refused).toEqual([]);
    expect(first.output).toMatch(/\d+ passed/);
  }, 60_000);
});
