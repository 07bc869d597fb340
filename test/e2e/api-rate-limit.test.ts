import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/core/run-report.ts';
import { generateApi } from '../../src/pipeline/generate-api.ts';
import { withAllureStub } from '../support/allure-stub.ts';

// A target that lets two notes be made in a burst, then refuses until it has been left alone for
// 3 s (a penalty box: each refused request starts the wait again). The create's client retries
// every 2 s at most here (TESTOPS_RATE_LIMIT_WAIT_S; 8 s by default, against a 9 s box in the
// same ratio), so in the full run it meets 429 for good. That is the target's pace, not a flaky
// test: the create runs again alone after the wait, its client waiting out each 429, and is delivered.
// Its status page is broken (500 every time): a real finding, whose evidence the paced run must not
// wipe with the runner's output folders.
const QUIET_MS = 3_000;
const CLIENT_WAIT_S = '2';
const LIMIT = 2;
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const note = {
  type: 'object',
  required: ['id', 'text'],
  properties: { id: { type: 'integer' }, text: { type: 'string' } },
};
const spec = {
  openapi: '3.0.3',
  info: { title: 'Notes', version: '1' },
  paths: {
    '/status': {
      get: {
        responses: {
          '200': { description: 'up', ...json({ type: 'object', properties: { up: { type: 'boolean' } } }) },
        },
      },
    },
    '/notes': {
      post: {
        requestBody: {
          required: true,
          ...json({ type: 'object', required: ['text'], properties: { text: { type: 'string' } } }),
        },
        responses: {
          '201': { description: 'made', ...json(note) },
          '429': { description: 'too many notes' },
        },
      },
    },
  },
};

function limitedServer(): Server {
  let lastRefusal = 0;
  let made = 0;
  let next = 1;
  return createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      if (request.method === 'GET' && request.url === '/status') {
        response.writeHead(500, { 'content-type': 'application/json' });
        return response.end('{"message":"status store unavailable"}');
      }
      if (request.method !== 'POST' || request.url !== '/notes') {
        response.writeHead(404, { 'content-type': 'application/json' });
        return response.end('{"message":"not found"}');
      }
      const now = Date.now();
      if (made >= LIMIT && now - lastRefusal >= QUIET_MS) made = 0;
      if (made >= LIMIT) {
        lastRefusal = now;
        response.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': String(QUIET_MS / 1000),
        });
        return response.end('{"message":"Too many notes, try again later"}');
      }
      made += 1;
      // The burst's last note starts the quiet period too: the next one waits for it.
      if (made === LIMIT) lastRefusal = now;
      const body = JSON.parse(text) as { text: string };
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: next++, text: body.text }));
    });
  });
}

/** The broken status page is the only finding, and every other test is delivered. */
function statusOnly(run: RunReport): boolean {
  const operations = run.findings.flatMap((finding) => finding.occurrences.map((found) => found.operation));
  const failed = run.suspectedDefects.length;
  return (
    operations.length > 0 &&
    operations.every((operation) => operation === 'GET /status') &&
    run.tests.delivered === run.tests.generated - failed
  );
}

let dir: string;
let server: Server;
let report: RunReport;
let pytestReport: RunReport;

beforeAll(async () => {
  process.env['TESTOPS_RATE_LIMIT_WAIT_S'] = CLIENT_WAIT_S;
  dir = await mkdtemp(join(tmpdir(), 'testops-rate-limit-'));
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
  server = limitedServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  report = await generateApi({
    spec: join(dir, 'openapi.json'),
    outDir: join(dir, 'suite'),
    format: 'playwright-ts',
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    kinds: ['positive'],
    run: true,
    repeat: 2,
  });
  pytestReport = await withAllureStub(() =>
    generateApi({
      spec: join(dir, 'openapi.json'),
      outDir: join(dir, 'pytest-suite'),
      format: 'pytest',
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      kinds: ['positive'],
      run: true,
      repeat: 2,
    }),
  );
}, 900_000);

afterAll(async () => {
  delete process.env['TESTOPS_RATE_LIMIT_WAIT_S'];
  await new Promise((done) => server?.close(done));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('generate api --run on a target with a rate limit longer than the retries wait', () => {
  it('runs the limited test again alone at the pace the target allows, and delivers it', () => {
    const create = 'POST /notes succeeds with 201';
    expect(report.paced?.tests.some((test) => test.startsWith(create))).toBe(true);
    expect(report.paced?.delivered).toEqual(report.paced?.tests);
    expect(report.flaky).toEqual([]);
    expect(statusOnly(report)).toBe(true);
  });

  it('does the same for a pytest suite (the test picked by its node id)', () => {
    expect(pytestReport.paced?.tests.length).toBeGreaterThan(0);
    expect(pytestReport.paced?.delivered).toEqual(pytestReport.paced?.tests);
    expect(pytestReport.flaky).toEqual([]);
    expect(statusOnly(pytestReport)).toBe(true);
  });

  it("keeps the full run's evidence of a real failure through the paced run", async () => {
    const [finding] = pytestReport.findings;
    const evidence = JSON.parse(
      await readFile(join(dir, 'pytest-suite', finding!.occurrences[0]!.evidence), 'utf8'),
    ) as { artifacts: string[] };
    // The exchange file pytest wrote in the full run, copied before the paced run cleared `results/`.
    expect(evidence.artifacts).toHaveLength(1);
    const kept = JSON.parse(await readFile(join(dir, 'pytest-suite', evidence.artifacts[0]!), 'utf8')) as {
      response: { status: number };
    }[];
    expect(kept.at(-1)?.response.status).toBe(500);
    // The copies waited in the suite only until evidence kept them.
    expect(existsSync(join(dir, 'pytest-suite', '.testops-held'))).toBe(false);
  });

  it('says so in REPORT.md', async () => {
    const markdown = await readFile(join(dir, 'suite', 'REPORT.md'), 'utf8');
    expect(markdown).toContain("## The target's rate limit");
    expect(markdown).toMatch(/- delivered: POST \/notes succeeds with 201/);
  });
});
