import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import {
  createTestDatabase,
  tempDataDir,
  type TempDataDir,
  type TestDatabase,
} from '../support/databases.ts';

// Input that used to get a 500 (the database refused the stored JSON, recursion overflowed the
// stack) and sizes that used to be accepted and then hang the server: each is a clear 4xx in the
// shared error shape, on PGlite and on PostgreSQL alike.

interface ErrorBody {
  error: {
    code: string;
    message: string;
    request_id: string;
    details?: { where: string; problem: string }[];
  };
}

const stores = ['pglite', 'postgres'] as const;

describe.each(stores)('bad input at the edge (%s)', (store) => {
  let dataDir: TempDataDir;
  let database: TestDatabase | undefined;
  let server: RunningServer;

  beforeAll(async () => {
    dataDir = await tempDataDir();
    database = store === 'postgres' ? await createTestDatabase('testops_input') : undefined;
    const env = {
      TESTOPS_DATA_DIR: dataDir.path,
      LOG_LEVEL: 'warn',
      ...(database
        ? { DATABASE_URL: database.url, TESTOPS_SECRET_KEY: randomBytes(32).toString('base64') }
        : {}),
    };
    server = await startServer(loadServiceConfig(env, { port: 0, concurrency: 1 }));
  });

  afterAll(async () => {
    await server?.close();
    await database?.drop();
    await dataDir?.remove();
  });

  async function post(url: string, body: unknown): Promise<{ status: number; body: ErrorBody }> {
    const response = await server.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.statusCode, body: response.json<ErrorBody>() };
  }

  function expectRefusal(
    response: { status: number; body: ErrorBody },
    status: number,
    code: string,
    where: string,
  ): string {
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.request_id).toBeTruthy();
    expect(response.body.error.details?.[0]?.where).toBe(where);
    return response.body.error.message;
  }

  it('a NUL in requirements is a 400 naming body.requirements.1, not a 500', async () => {
    const response = await post('/api/v1/generate/test-cases', {
      requirements: ['fine', 'a\u0000b', 'also \u0000'],
    });
    const message = expectRefusal(response, 400, 'TESTOPS_INVALID_REQUEST', 'body.requirements.1');
    expect(message).toContain('NUL character');
    expect(message).toContain('Tip:');
  });

  it('a lone surrogate in requirements is a 400, not a 500', async () => {
    const response = await post('/api/v1/generate/test-cases', { requirements: ['a\ud800b'] });
    expect(expectRefusal(response, 400, 'TESTOPS_INVALID_REQUEST', 'body.requirements.0')).toContain(
      'lone surrogate (\\ud800) at offset 1',
    );
  });

  it('a NUL in files[].content is a 400 naming the file, not a 500', async () => {
    const response = await post('/api/v1/validate', {
      files: [
        { path: 'test_a.py', content: 'ok' },
        { path: 'test_b.py', content: 'x\u0000' },
      ],
    });
    expectRefusal(response, 400, 'TESTOPS_INVALID_REQUEST', 'body.files.1.content');
  });

  it('a NUL or a lone surrogate in openapi_spec (text, object value or key) is a 400, not a 500', async () => {
    const url = '/api/v1/generate/api-tests';
    expectRefusal(
      await post(url, { openapi_spec: 'openapi: 3.0.3\u0000' }),
      400,
      'TESTOPS_INVALID_REQUEST',
      'body.openapi_spec',
    );
    expectRefusal(
      await post(url, { openapi_spec: { openapi: '3.0.3', info: { title: '\udc00' } } }),
      400,
      'TESTOPS_INVALID_REQUEST',
      'body.openapi_spec.info.title',
    );
    expectRefusal(
      await post(url, { openapi_spec: { openapi: '3.0.3', 'x-\u0000': 1 } }),
      400,
      'TESTOPS_INVALID_REQUEST',
      'body.openapi_spec (a key)',
    );
  });

  it('a 10,000-level nested openapi_spec object is a 400 "nested deeper than 64 levels", not a 500', async () => {
    const deep = '{"a":'.repeat(10_000) + '{}' + '}'.repeat(10_000);
    const response = await post('/api/v1/generate/api-tests', `{"openapi_spec":${deep}}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('TESTOPS_INVALID_REQUEST');
    expect(response.body.error.message).toContain('nested deeper than 64 levels');
    expect(response.body.error.details?.[0]?.where).toMatch(/^body\.openapi_spec\.a\.a/);
    expect((await server.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('a "__proto__" key is a 400 TESTOPS_INVALID_JSON saying why', async () => {
    const response = await post('/api/v1/validate', '{"files":[],"__proto__":{"polluted":true}}');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('TESTOPS_INVALID_JSON');
    expect(response.body.error.message).toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it("a task id longer than the router allows is a 414 in the shared shape, not Fastify's own", async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/v1/tasks/${'x'.repeat(300)}/cancel`,
    });
    expect(response.statusCode).toBe(414);
    expect(response.json<ErrorBody>().error).toMatchObject({ code: 'TESTOPS_URL_TOO_LONG' });
    expect(response.json<ErrorBody>().error.request_id).toBeTruthy();
  });

  it('4 MB of requirements is a 413 naming the limit and how to proceed, not a hung server', async () => {
    const response = await post('/api/v1/generate/test-cases', {
      requirements: ['The user can log in. '.repeat(200_000)],
    });
    const message = expectRefusal(response, 413, 'TESTOPS_REQUEST_TOO_LARGE', 'body.requirements');
    expect(message).toContain('at most 512 KB');
    expect(message).toContain('split the requirements');
  });

  it('more requirements or files than allowed is a 400 naming the limit', async () => {
    const requirements = Array.from({ length: 1_001 }, (_, index) => `Requirement ${index}`);
    expect(
      expectRefusal(
        await post('/api/v1/generate/test-cases', { requirements }),
        400,
        'TESTOPS_INVALID_REQUEST',
        'body.requirements',
      ),
    ).toContain('1001 requirements; at most 1000 per request');
    const files = Array.from({ length: 2_001 }, (_, index) => ({ path: `test_${index}.py`, content: '' }));
    expectRefusal(await post('/api/v1/validate', { files }), 400, 'TESTOPS_INVALID_REQUEST', 'body.files');
  });

  it('a file over 2 MB, or files over 8 MB in all, is a 413 naming the limit', async () => {
    const big = await post('/api/v1/validate', {
      files: [
        { path: 'small.py', content: 'x' },
        { path: 'big.py', content: 'x'.repeat(2 * 1024 * 1024 + 1) },
      ],
    });
    expect(expectRefusal(big, 413, 'TESTOPS_REQUEST_TOO_LARGE', 'body.files.1.content')).toContain(
      'at most 2.0 MB',
    );
    const many = await post('/api/v1/optimize', {
      files: Array.from({ length: 5 }, (_, index) => ({
        path: `test_${index}.py`,
        content: 'x'.repeat(1_900_000),
      })),
    });
    expectRefusal(many, 413, 'TESTOPS_REQUEST_TOO_LARGE', 'body.files');
  });

  it('an inline spec over 5 MB is a 413 pointing to openapi_url', async () => {
    const response = await post('/api/v1/test-plan/generate', {
      openapi_spec: `openapi: 3.0.3\n# ${'x'.repeat(5 * 1024 * 1024)}\n`,
    });
    expect(expectRefusal(response, 413, 'TESTOPS_REQUEST_TOO_LARGE', 'body.openapi_spec')).toContain(
      'openapi_url',
    );
  });
});

describe('input limits configuration', () => {
  it('reads each limit from TESTOPS_LIMIT_* and keeps the defaults otherwise', () => {
    const config = loadServiceConfig({ TESTOPS_LIMIT_REQUIREMENTS: '10', TESTOPS_LIMIT_SPEC_BYTES: '1024' });
    expect(config.inputLimits).toMatchObject({
      requirementItems: 10,
      specBytes: 1024,
      bodyDepth: 64,
      files: 2_000,
    });
  });
});
