import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/core/run-report.ts';
import { generateApi } from '../../src/pipeline/generate-api.ts';
import { withAllureStub } from '../support/allure-stub.ts';

// Regressions seen on a real feature-flag server, each a false finding judged by what the
// document promises: a success for a made-up project where no 404 is documented; a 409 on a
// validate call because another test's create kept the number it sent as text ("12345"); a
// health check served without credentials reported as a critical security hole; a test whose
// set-up looked up an event in a list holding none reported as a failure of the target.
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const TOKEN = 'secret-token-of-the-test';
const label = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', maxLength: 40 }, color: { type: 'string', maxLength: 20 } },
};
const named = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', maxLength: 40 } },
};
const nameParameter = [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }];
const spec = {
  openapi: '3.0.3',
  info: { title: 'Labels', version: '1' },
  components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
  security: [{ token: [] }],
  paths: {
    '/labels': {
      post: {
        requestBody: { required: true, ...json(label) },
        responses: {
          '201': { description: 'made', ...json(label) },
          '400': { description: 'bad' },
          '401': { description: 'no credentials' },
          '409': { description: 'taken' },
        },
      },
    },
    '/labels/validate': {
      post: {
        requestBody: { required: true, ...json(named) },
        responses: {
          '200': { description: 'free' },
          '400': { description: 'bad' },
          '401': { description: 'no credentials' },
          '409': { description: 'taken' },
        },
      },
    },
    '/labels/{name}': {
      get: {
        parameters: nameParameter,
        responses: {
          '200': { description: 'one', ...json(label) },
          '401': { description: 'no credentials' },
          '404': { description: 'none' },
        },
      },
    },
    '/projects/{projectId}/stale': {
      post: {
        parameters: [{ name: 'projectId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '202': { description: 'marked' }, '401': { description: 'no credentials' } },
      },
    },
    '/events': {
      get: {
        responses: {
          '200': {
            description: 'events',
            ...json({
              type: 'object',
              required: ['events'],
              properties: {
                events: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { id: { type: 'integer' }, featureName: { type: 'string' } },
                  },
                },
              },
            }),
          },
          '401': { description: 'no credentials' },
        },
      },
    },
    '/events/{featureName}': {
      get: {
        parameters: [{ name: 'featureName', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'its events' }, '401': { description: 'no credentials' } },
      },
    },
    '/health': { get: { responses: { '200': { description: 'healthy' } } } },
  },
};

/**
 * Labels keep a number sent for a name as text (a lenient framework), cannot be deleted (so what
 * one run made, the next run meets), and a taken name is refused with 409 on create and validate; marking any project stale answers 202; the event list
 * is empty; the health check needs no credentials.
 */
function labelsServer(): Server {
  const labels = new Map<string, { name: string; color?: string }>();
  return createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const send = (status: number, body?: unknown) => {
        response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
        response.end(body === undefined ? '' : JSON.stringify(body));
      };
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path === '/health') return send(200, { health: 'GOOD' });
      if (request.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { message: 'no' });
      const body = (() => {
        try {
          return JSON.parse(text) as Record<string, unknown>;
        } catch {
          return undefined;
        }
      })();
      const text40 = (value: unknown, max: number) =>
        (typeof value === 'string' || typeof value === 'number') && String(value).length <= max;
      if (request.method === 'POST' && (path === '/labels' || path === '/labels/validate')) {
        if (!body || !text40(body['name'], 40)) return send(400, { message: 'name' });
        if (body['color'] !== undefined && !text40(body['color'], 20)) return send(400, { message: 'color' });
        const name = String(body['name']);
        if (labels.has(name)) return send(409, { message: `A label named ${name} exists` });
        if (path === '/labels/validate') return send(200);
        const made = { name, ...(body['color'] === undefined ? {} : { color: String(body['color']) }) };
        labels.set(name, made);
        return send(201, made);
      }
      const name = /^\/labels\/([^/]+)$/.exec(path)?.[1];
      if (name !== undefined && request.method === 'GET') {
        const found = labels.get(decodeURIComponent(name));
        return found ? send(200, found) : send(404, { message: 'no label' });
      }
      if (request.method === 'POST' && /^\/projects\/[^/]+\/stale$/.test(path)) return send(202);
      if (request.method === 'GET' && path === '/events') return send(200, { events: [] });
      if (request.method === 'GET' && path.startsWith('/events/')) return send(200, { events: [] });
      send(404, { message: 'The requested resource could not be found' });
    });
  });
}

let dir: string;
let server: Server;
let report: RunReport;
let pytestReport: RunReport;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'testops-by-document-'));
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
  server = labelsServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const common = {
    spec: join(dir, 'openapi.json'),
    baseUrl,
    headers: [`Authorization: Bearer ${TOKEN}`],
    run: true,
  };
  report = await generateApi({ ...common, outDir: join(dir, 'suite'), format: 'playwright-ts', repeat: 2 });
  pytestReport = await withAllureStub(() =>
    generateApi({
      ...common,
      outDir: join(dir, 'pytest-suite'),
      format: 'pytest',
      repeat: 1,
    }),
  );
}, 900_000);

afterAll(async () => {
  await new Promise((done) => server?.close(done));
  if (dir) await rm(dir, { recursive: true, force: true });
});

const findingTitles = (run: RunReport) =>
  run.findings.map((finding) => `${finding.severity}: ${finding.title}`);
const failedTests = (run: RunReport) =>
  run.findings.flatMap((finding) => finding.occurrences.map((occurrence) => occurrence.test));

describe.each([
  ['playwright-ts', () => report],
  ['pytest', () => pytestReport],
])('generate api --run judged by what the document promises (%s)', (_format, read) => {
  it('a success for a made-up project where no 404 is documented is no finding, and the test says why', () => {
    const run = read();
    expect(failedTests(run).filter((test) => test.includes('/stale'))).toEqual([]);
    const skipped = run.skippedTests.find((entry) => entry.test.includes('/stale refuses'));
    expect(skipped?.reason).toMatch(/lists no 404 .*the server answers 202 .*no finding/);
  });

  it('a number sent for text is drawn per run: the validate call meets no 409 from another test', () => {
    const run = read();
    expect(findingTitles(run).filter((title) => /409/.test(title))).toEqual([]);
    // The conversion itself stays a contract deviation under strict conformance.
    expect(findingTitles(run)).toContainEqual(expect.stringMatching(/^minor: Type coercion/));
  });

  it('credentials not enforced where no 401 or 403 is documented are a minor contract deviation', () => {
    const run = read();
    const health = run.findings.filter((finding) =>
      finding.occurrences.some((occurrence) => occurrence.operation === 'GET /health'),
    );
    expect(health.map((finding) => [finding.kind, finding.severity])).toEqual([
      ['contract-deviation', 'minor'],
    ]);
    expect(health[0]!.occurrences).toHaveLength(2);
  });

  it('an event looked up in a list holding none is not reached, with the way in', () => {
    const run = read();
    expect(failedTests(run).filter((test) => test.includes('/events/'))).toEqual([]);
    expect(run.notReached?.find((entry) => entry.operation === 'GET /events/{featureName}')).toMatchObject({
      status: 200,
      refused: 'GET /events',
      unlock: expect.stringContaining('--var featureName=<an existing one>'),
    });
  });
});

describe('the emitted suites', () => {
  it('send a drawn number, not a fixed one, for text', async () => {
    const spec = await readFile(join(dir, 'suite', 'tests', 'labels.spec.ts'), 'utf8');
    expect(spec).toContain('name: uniqueNumber()');
    expect(spec).not.toContain('12345');
  });

  it('check a taken name with the validate call, and that test passed before delivery', async () => {
    const title = 'POST /labels/validate refuses the name of a label that exists (409)';
    for (const suite of ['suite', 'pytest-suite']) {
      const manifest = JSON.parse(await readFile(join(dir, suite, 'testops-suite.json'), 'utf8')) as {
        tests: { title: string }[];
      };
      expect(manifest.tests.map((test) => test.title)).toContain(title);
    }
    for (const run of [report, pytestReport]) {
      expect(failedTests(run)).not.toContain(title);
      expect(run.skippedTests.map((entry) => entry.test)).not.toContain(title);
    }
    expect(report.tests.delivered).toBeGreaterThan(0);
  });
});
