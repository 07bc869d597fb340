import type { FastifyInstance } from 'fastify';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { buildApp } from '../../../src/service/http/build-app.ts';

// The web UI on the API's origin: its pages and assets are public, each client route reloads
// into the app, and nothing of the API, the documentation or the probes is shadowed by it.
let dist: string;
let app: FastifyInstance;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'testops-web-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  app = await buildApp(
    {
      config: loadServiceConfig({ TESTOPS_REQUIRE_AUTH: '1' }),
      stores: {} as never,
      queue: {} as never,
      bus: {} as never,
      metrics: undefined,
      readiness: [],
      traceparent: () => undefined,
    },
    { webUi: dist },
  );
});

afterAll(async () => {
  await app?.close();
  await rm(dist, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('the web UI served by the service', () => {
  it('answers every client route with the app page, without a key, under a strict CSP', async () => {
    for (const url of ['/', '/projects', '/projects/billing-api/generate', '/jobs/0f0e', '/settings']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year and answers a missing one with the API’s 404 shape', async () => {
    const asset = await get('/assets/index-abc.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const missing = await get('/assets/nope.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'TESTOPS_NOT_FOUND' } });
    expect((await get('/assets/../../../etc/passwd')).statusCode).not.toBe(200);
  });

  it('shadows nothing: unknown API paths stay JSON errors, the API still needs its key, docs and probes answer', async () => {
    const unknown = await get('/api/v1/nope');
    expect(unknown.headers['content-type']).toContain('application/json');
    expect(unknown.statusCode).toBe(401);
    expect((await get('/api/v1/tasks')).statusCode).toBe(401);
    expect((await get('/health')).statusCode).toBe(200);
    expect((await get('/openapi.json')).json()).toHaveProperty('paths');
    expect((await get('/docs/json')).statusCode).toBe(200);
    const other = await get('/elsewhere');
    expect(other.statusCode).toBe(401);
    expect(other.headers['content-type']).toContain('application/json');
  });
});
