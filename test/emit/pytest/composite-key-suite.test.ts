import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitPlaywrightSuite } from '../../../src/emit/playwright-ts/emit-playwright-suite.ts';
import { emitPytestSuite } from '../../../src/emit/pytest/emit-pytest-suite.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { findPython, runPython } from './python-runner.ts';

// An item named by two path parameters, both answered by its create: the emitted suite reads
// both from the item it created, with no variable to set, and removes it by both afterwards.

const json = (schema: unknown) => ({ 'application/json': { schema } });
const item = {
  type: 'object',
  required: ['region', 'name'],
  properties: {
    region: { type: 'string', enum: ['eu', 'us'] },
    name: { type: 'string', maxLength: 40 },
    size: { type: 'integer' },
  },
};
const spec = {
  openapi: '3.0.3',
  info: { title: 'Items', version: '1' },
  paths: {
    '/items': {
      post: {
        requestBody: { required: true, content: json(item) },
        responses: { '201': { description: 'made', content: json(item) }, '422': { description: 'invalid' } },
      },
    },
    '/items/{region}/{name}': {
      parameters: ['region', 'name'].map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      get: {
        responses: { '200': { description: 'one', content: json(item) }, '404': { description: 'none' } },
      },
      delete: { responses: { '204': { description: 'gone' }, '404': { description: 'none' } } },
    },
  },
};

const items = new Map<string, Record<string, unknown>>();
let server: Server;
let baseUrl: string;
const python = findPython();
const workDir = mkdtempSync(join(tmpdir(), 'testops-composite-'));

function handle(request: IncomingMessage, response: ServerResponse, text: string): void {
  const send = (status: number, body?: unknown) => {
    response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  if (request.method === 'POST' && path === '/items') {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return send(422, { detail: 'not JSON' });
    }
    const valid =
      body !== null &&
      typeof body === 'object' &&
      ['eu', 'us'].includes(body['region'] as string) &&
      typeof body['name'] === 'string' &&
      (body['name'] as string).length <= 40 &&
      (body['size'] === undefined || Number.isInteger(body['size'])) &&
      Object.keys(body).every((key) => ['region', 'name', 'size'].includes(key));
    if (!valid) return send(422, { detail: 'invalid item' });
    const key = `${String(body['region'])}/${String(body['name'])}`;
    items.set(key, { size: 0, ...body });
    return send(201, items.get(key));
  }
  const match = /^\/items\/([^/]+)\/([^/]+)$/.exec(path);
  const key = match ? `${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}` : '';
  if (!match || !items.has(key)) return send(404, { detail: 'none' });
  if (request.method === 'GET') return send(200, items.get(key));
  if (request.method === 'DELETE') {
    items.delete(key);
    return send(204);
  }
  return send(405, { detail: 'method' });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => handle(request, response, text));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(workDir, { recursive: true, force: true });
});

describe('a suite for a resource with a composite key', () => {
  const suite = () =>
    generateApiSuite(
      buildApiModel({ location: 'items.json', sourceVersion: '3.0', document: spec, referenceIssues: [] }),
      { specSource: 'items.json' },
    );

  it('renders both parts of the key from the created item in the Playwright suite', () => {
    const files = emitPlaywrightSuite(suite(), { baseUrl });
    expect(files['support/resources.ts']).toContain("const id = fieldAt(response.json, '');");
    expect(files['support/resources.ts']).toMatch(/fieldAt\(id, 'region'\)[\s\S]*fieldAt\(id, 'name'\)/);
    expect(files['tests/items.spec.ts']).toContain("fieldAt(item.id, 'region')");
  });

  it('passes against the API with no variable set, and leaves no item behind', async () => {
    if (!python) throw new Error('No python3 with pytest, httpx and jsonschema (set TESTOPS_PYTHON)');
    for (const [path, content] of Object.entries(emitPytestSuite(suite(), { baseUrl: undefined }))) {
      mkdirSync(dirname(join(workDir, path)), { recursive: true });
      writeFileSync(join(workDir, path), content);
    }
    const run = await runPython(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-rs'], workDir, {
      API_BASE_URL: baseUrl,
    });
    expect(run.code, run.output.slice(-3000)).toBe(0);
    expect(run.output).not.toMatch(/skipped/);
    expect(run.output).toMatch(/\d+ passed/);
    expect([...items.keys()]).toEqual([]);
  }, 60_000);
});
