import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineEvent } from '../../src/core/events.ts';
import { CONTRACT_DRIFT_TITLE } from '../../src/generation/api/contract-drift-case.ts';
import { generateApi } from '../../src/pipeline/generate-api.ts';

// allure-pytest cannot be installed here; a no-op `allure` stands in for it in tests only.
process.env['PYTHONPATH'] = resolve('test/emit/pytest/fixtures/allure-stub');

// An API whose served document changes between requests (a value it generates on each call):
// the pytest suite's drift check cannot pass right after generation, and that is no defect.
let fetches = 0;
const documentNow = () => ({
  openapi: '3.0.3',
  info: { title: 'Ping', version: '1' },
  paths: {
    '/ping': {
      get: {
        responses: {
          '200': {
            description: 'pong',
            content: {
              'application/json': { schema: { type: 'object', properties: { n: { enum: [fetches++] } } } },
            },
          },
        },
      },
    },
  },
});
let server: Server;
let baseUrl: string;
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'testops-pytest-drift-'));
  server = createServer((request, response) => {
    const body = request.url === '/openapi.json' ? documentNow() : request.url === '/ping' ? {} : undefined;
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body ?? { detail: 'no route' }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await rm(outDir, { recursive: true, force: true });
});

describe('verifying a pytest suite whose contract drift check fails', () => {
  it('warns, reports no finding, and does not deliver the check', async () => {
    const events: PipelineEvent[] = [];
    const report = await generateApi({
      spec: `${baseUrl}/openapi.json`,
      baseUrl,
      outDir,
      format: 'pytest',
      run: true,
      repeat: 1,
      learn: false,
      events: (event) => events.push(event),
    });
    expect(report.findings).toEqual([]);
    expect(report.suspectedDefects).toEqual([]);
    expect(report.skippedTests.map((skipped) => skipped.test)).toContain(CONTRACT_DRIFT_TITLE);
    expect(report.tests.delivered).toBe(report.tests.generated - 1);
    const warnings = events.flatMap((event) =>
      event.type === 'log' && event.level === 'warn' ? [event.message] : [],
    );
    expect(warnings.join('\n')).toMatch(/served document's contract differs.*Not a defect of the API/);
    // Marked in the suite, so its runner skips it with the reason.
    const module = await readFile(join(outDir, 'tests/test_contract.py'), 'utf8');
    expect(module).toMatch(/pytest\.mark\.skip/);
  }, 60_000);
});
