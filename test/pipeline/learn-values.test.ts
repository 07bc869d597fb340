import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/core/run-report.ts';
import { generateApi } from '../../src/pipeline/generate-api.ts';

// A server stricter than its document, as real ones are: it refuses a 16-character password
// and a nickname over 12 characters, naming both fields. The suite must learn values it accepts.
const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Accounts', version: '1' },
  paths: {
    '/users': {
      post: {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['email', 'password', 'nickname'],
                properties: {
                  email: { type: 'string' },
                  password: { type: 'string' },
                  nickname: { type: 'string' },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'created',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { id: { type: 'integer' } } },
              },
            },
          },
          '422': { description: 'invalid' },
        },
      },
    },
    // Values kept unique, one of them left by an earlier run: the conflict names no field.
    '/labels': {
      post: {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['value', 'kind'],
                properties: {
                  value: { type: 'string', example: 'a-label' },
                  kind: { type: 'string', example: 'simple' },
                },
              },
            },
          },
        },
        responses: {
          '201': { description: 'created' },
          '409': { description: 'exists' },
        },
      },
    },
    // A documented example the server's password rule refuses, stated in a sentence.
    '/passwords/check': {
      post: {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['password'],
                properties: { password: { type: 'string', example: 'hunter2' } },
              },
            },
          },
        },
        responses: { '200': { description: 'strong enough' }, '400': { description: 'too weak' } },
      },
    },
    // Either of two optional fields is wanted, which the refusal says only in words.
    '/members': {
      post: {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['role'],
                properties: {
                  role: { type: 'integer', example: 1 },
                  username: { type: 'string' },
                  email: { type: 'string', format: 'email' },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'created',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { id: { type: 'integer' } } },
              },
            },
          },
          '400': { description: 'invalid' },
        },
      },
    },
  },
};

function refusals(body: Record<string, unknown>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (typeof body['email'] !== 'string' || !/^[^@\s]+@[^@\s]+\.[a-z]+$/.test(body['email']))
    problems.push({ field: 'email', message: 'is not an email address' });
  if (typeof body['password'] !== 'string' || body['password'].length < 20)
    problems.push({ field: 'password', message: 'must be at least 20 characters' });
  if (typeof body['nickname'] !== 'string' || body['nickname'].length > 12)
    problems.push({ field: 'nickname', message: 'must be at most 12 characters' });
  return problems;
}

let server: Server;
let dir: string;
let report: RunReport;

beforeAll(async () => {
  let next = 1;
  const labels = new Set(['a-label']);
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const reply = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (
        request.method !== 'POST' ||
        !['/users', '/members', '/labels', '/passwords/check'].includes(request.url ?? '')
      )
        return reply(404, { message: 'not found' });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return reply(400, { message: 'malformed JSON' });
      }
      if (body === null || typeof body !== 'object')
        return reply(422, { errors: [{ message: 'not an object' }] });
      if (request.url === '/labels') {
        const value = (body as Record<string, unknown>)['value'];
        if (typeof value !== 'string') return reply(400, { message: 'value must be text' });
        if (labels.has(value)) return reply(409, { message: 'A label of [object Object] already exists' });
        // The kind names one that exists: a made-up one is refused.
        if ((body as Record<string, unknown>)['kind'] !== 'simple')
          return reply(404, { message: 'no such kind' });
        labels.add(value);
        return reply(201, { value });
      }
      if (request.url === '/passwords/check') {
        const password = (body as Record<string, unknown>)['password'];
        if (typeof password !== 'string' || password.length < 10)
          return reply(400, { message: 'The password must be at least 10 characters long.' });
        return reply(200, {});
      }
      if (request.url === '/members') {
        const member = body as Record<string, unknown>;
        if (typeof member['role'] !== 'number') return reply(400, { message: 'role must be a number' });
        if (typeof member['username'] !== 'string' && typeof member['email'] !== 'string')
          return reply(400, {
            name: 'BadDataError',
            message: 'Request validation failed: You must specify username or email',
            details: [{ message: 'You must specify username or email' }],
          });
        return reply(201, { id: next++ });
      }
      const problems = refusals(body as Record<string, unknown>);
      if (problems.length > 0) return reply(422, { errors: problems });
      reply(201, { id: next++ });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = await mkdtemp(join(tmpdir(), 'testops-learn-'));
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(SPEC));
  report = await generateApi({
    spec: join(dir, 'openapi.json'),
    outDir: join(dir, 'suite'),
    format: 'playwright-ts',
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    run: true,
    repeat: 2,
  });
}, 600_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('generate api --run learns input values the server refuses by name', () => {
  it('repairs the refused fields and delivers the success test', () => {
    const learned = (operation: string) =>
      report.learned
        ?.filter((value) => value.operation === operation)
        .map(({ field, status }) => [field, status]);
    expect(learned('POST /users')).toEqual([
      ['password', 422],
      ['nickname', 422],
    ]);
    // Named in words only: the operation's own fields the refusal mentions are added.
    expect(learned('POST /members')).toEqual([
      ['username', 400],
      ['email', 400],
    ]);
    // A conflict naming no field: the first value sent is made unique per run, and then accepted;
    // the kind, which names an existing one, is left as it was.
    expect(learned('POST /labels')).toEqual([['value', 409]]);
    // A rule stated in a sentence about a field that was sent: the documented example is replaced.
    expect(learned('POST /passwords/check')).toEqual([['password', 400]]);
    const password = report.learned!.find(
      (learned) => learned.operation === 'POST /users' && learned.field === 'password',
    )!;
    expect(String(password.to).length).toBeGreaterThanOrEqual(20);
    expect(password.reason).toContain('at least 20 characters');
    const success = report.suspectedDefects.filter((defect) => / succeeds /.test(defect.test));
    expect(success).toEqual([]);
    expect(report.tests.delivered).toBeGreaterThan(0);
  });

  it('never weakens an expectation: the negative tests still expect a refusal', async () => {
    const spec = await readFile(join(dir, 'suite', 'tests', 'users.spec.ts'), 'utf8').catch(() => '');
    expect(spec).toMatch(/rejects a body without \\?"password\\?"/);
    const markdown = await readFile(join(dir, 'suite', 'REPORT.md'), 'utf8');
    expect(markdown).toContain('## Values learned from the target');
    expect(markdown).toContain('`password`');
  });
});
