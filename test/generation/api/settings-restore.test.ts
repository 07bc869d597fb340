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
import { findPython, runPython } from '../../emit/pytest/python-runner.ts';

// A server-wide switch (a read-only "maintenance" mode: every write refused with 503 while it is
// on) next to an ordinary collection. A test that turns the switch on must turn it back, or every
// later write of the suite fails for a reason that is the suite's own.

const json = (schema: unknown) => ({ 'application/json': { schema } });
const mode = {
  type: 'object',
  required: ['enabled'],
  properties: { enabled: { type: 'boolean', example: true } },
};
const note = { type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 40 } } };
const noteOut = { type: 'object', properties: { id: { type: 'integer' }, text: { type: 'string' } } };
const spec = {
  openapi: '3.0.3',
  info: { title: 'Notes', version: '1' },
  paths: {
    '/admin/mode': {
      get: { responses: { '200': { description: 'the mode', content: json(mode) } } },
      post: {
        requestBody: { required: true, content: json(mode) },
        responses: { '204': { description: 'set' }, '400': { description: 'invalid' } },
      },
    },
    '/notes': {
      get: { responses: { '200': { description: 'all', content: json({ type: 'array', items: noteOut }) } } },
      post: {
        requestBody: { required: true, content: json(note) },
        responses: {
          '201': { description: 'made', content: json(noteOut) },
          '400': { description: 'invalid' },
        },
      },
    },
    '/stats': {
      get: { responses: { '200': { description: 'counts', content: json(noteOut) } } },
      post: {
        requestBody: {
          required: true,
          content: json({ type: 'object', properties: { reset: { type: 'boolean' } } }),
        },
        responses: { '204': { description: 'reset' }, '400': { description: 'invalid' } },
      },
    },
  },
};

const state = { enabled: false, notes: [] as { id: number; text: string }[] };
let server: Server;
let baseUrl: string;
const python = findPython();
const workDir = mkdtempSync(join(tmpdir(), 'testops-settings-'));

function handle(request: IncomingMessage, response: ServerResponse, text: string): void {
  const send = (status: number, body?: unknown) => {
    response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  let body: Record<string, unknown> = {};
  if (request.method === 'POST') {
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return send(400, { message: 'not JSON' });
    }
    if (body === null || typeof body !== 'object') return send(400, { message: 'not an object' });
  }
  if (path === '/admin/mode') {
    if (request.method === 'GET') return send(200, { enabled: state.enabled });
    if (typeof body['enabled'] !== 'boolean') return send(400, { message: 'enabled must be boolean' });
    state.enabled = body['enabled'];
    return send(204);
  }
  if (request.method === 'POST' && state.enabled) return send(503, { message: 'maintenance' });
  if (path === '/notes') {
    if (request.method === 'GET') return send(200, state.notes);
    if (typeof body['text'] !== 'string' || body['text'].length > 40) return send(400, { message: 'text' });
    const made = { id: state.notes.length + 1, text: body['text'] };
    state.notes.push(made);
    return send(201, made);
  }
  if (path === '/stats') {
    if (request.method === 'GET') return send(200, { id: 1, text: 'x' });
    const valid = body['reset'] === undefined || typeof body['reset'] === 'boolean';
    return valid ? send(204) : send(400, { message: 'reset must be boolean' });
  }
  return send(404, { message: 'none' });
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

const suite = () =>
  generateApiSuite(
    buildApiModel({ location: 'notes.json', sourceVersion: '3.0', document: spec, referenceIssues: [] }),
    { specSource: 'notes.json' },
  );

describe('a write to a server-wide setting is undone after its test', () => {
  it('reads the setting before each test of the write and writes it back after', () => {
    const designed = suite();
    const writes = designed.cases.filter((testCase) => testCase.operation === 'POST /admin/mode');
    expect(writes.length).toBeGreaterThan(1);
    for (const testCase of writes)
      expect(testCase.uses).toContainEqual({ alias: 'mode_settings', resource: 'mode settings' });
    const recipe = designed.recipes.find((candidate) => candidate.name === 'mode settings')!;
    expect(recipe.create).toMatchObject({ method: 'GET', path: '/admin/mode' });
    expect(recipe.idPath).toBe('');
    expect(recipe.remove).toMatchObject({
      method: 'POST',
      path: '/admin/mode',
      body: {
        kind: 'json',
        value: { kind: 'object', entries: { enabled: { kind: 'saved', name: 'self.enabled' } } },
      },
    });
  });

  it('leaves creates and writes whose read answers something else alone', () => {
    const designed = suite();
    const others = designed.cases.filter((testCase) => testCase.operation !== 'POST /admin/mode');
    expect(others.every((testCase) => testCase.uses.every((use) => !use.resource.endsWith('settings')))).toBe(
      true,
    );
    expect(designed.recipes.map((recipe) => recipe.name)).toEqual(['mode settings']);
  });

  it('renders the write-back from the value read, in the Playwright suite', () => {
    const files = emitPlaywrightSuite(suite(), { baseUrl });
    const resources = files['support/resources.ts']!;
    expect(resources).toContain("const id = fieldAt(response.json, '');");
    expect(resources).toContain("enabled: fieldAt(id, 'enabled')");
    expect(resources).not.toContain('saved[');
  });

  it('passes against the API, and the switch is off again after the suite', async () => {
    if (!python) throw new Error('No python3 with pytest, httpx and jsonschema (set TESTOPS_PYTHON)');
    for (const [path, content] of Object.entries(emitPytestSuite(suite(), { baseUrl: undefined }))) {
      mkdirSync(dirname(join(workDir, path)), { recursive: true });
      writeFileSync(join(workDir, path), content);
    }
    const run = await runPython(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-rs'], workDir, {
      API_BASE_URL: baseUrl,
    });
    expect(run.code, run.output.slice(-3000)).toBe(0);
    expect(run.output).toMatch(/\d+ passed/);
    expect(state.enabled).toBe(false);
  }, 90_000);
});
