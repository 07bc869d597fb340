import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestopsError } from '../../src/core/errors.ts';
import { githubDialect } from '../../src/integrations/github/github-dialect.ts';
import { gitlabDialect } from '../../src/integrations/gitlab/gitlab-dialect.ts';
import { vendorHttp, type VendorHttpOptions, type VendorRetry } from '../../src/integrations/vendor-http.ts';
import { linkTarget, offsetPager } from '../../src/integrations/vendor-pages.ts';

const TOKEN = 'ghp_0123456789abcdefSECRET';
type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let base: URL;
const routes = new Map<string, Handler[]>();
const seen: { method: string; url: string; headers: IncomingMessage['headers'] }[] = [];

/** Answers each request to `path` with the next handler queued for it (the last one repeats). */
function on(path: string, ...handlers: Handler[]) {
  routes.set(path, handlers);
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://local');
    seen.push({ method: request.method!, url: request.url!, headers: request.headers });
    const queue = routes.get(url.pathname) ?? [json(404, { message: 'Not Found' })];
    const handler = queue.length > 1 ? queue.shift()! : queue[0]!;
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3/`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = (options: Partial<VendorHttpOptions> = {}) =>
  vendorHttp({
    dialect: githubDialect,
    baseUrl: base,
    token: TOKEN,
    guard: { allowPrivate: false, allowLoopback: true },
    baseDelayMs: 10,
    maxDelayMs: 40,
    ...options,
  });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as TestopsError,
  );

describe('the vendor HTTP client', () => {
  it('sends the token in its header only, and reads JSON', async () => {
    on('/api/v3/user', json(200, { login: 'octocat' }));
    const response = await client().request<{ login: string }>({ path: 'user' });
    expect(response.body.login).toBe('octocat');
    const request = seen.at(-1)!;
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.headers['x-github-api-version']).toBe('2022-11-28');
    expect(request.url).not.toContain(TOKEN);
  });

  it('waits as long as Retry-After says on 429 (seconds), then succeeds', async () => {
    on(
      '/api/v3/limited',
      json(429, { message: 'slow down' }, { 'retry-after': '1' }),
      json(200, { ok: true }),
    );
    const retries: VendorRetry[] = [];
    const started = performance.now();
    const response = await client({ onRetry: (retry) => retries.push(retry) }).request({ path: 'limited' });
    expect(response.body).toEqual({ ok: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(retries).toEqual([
      { method: 'GET', path: '/api/v3/limited', attempt: 1, status: 429, waitMs: 1000 },
    ]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const date = new Date(Date.now() + 1500).toUTCString();
    on('/api/v3/dated', json(503, {}, { 'retry-after': date }), json(200, { ok: 1 }));
    const retries: VendorRetry[] = [];
    await client({ onRetry: (retry) => retries.push(retry) }).request({ path: 'dated' });
    expect(retries[0]!.waitMs).toBeGreaterThan(0);
    expect(retries[0]!.waitMs).toBeLessThanOrEqual(1500);
  });

  it('treats a wait longer than it may wait as unavailable, without waiting', async () => {
    on('/api/v3/later', json(429, { message: 'later' }, { 'retry-after': '3600' }));
    const started = performance.now();
    const error = await failure(client().request({ path: 'later' }));
    expect(error.code).toBe('TESTOPS_VENDOR_UNAVAILABLE');
    expect(error.message).toContain('3600 s');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('retries a 5xx with backoff, then succeeds', async () => {
    on('/api/v3/flaky', json(502, { message: 'Server Error' }), json(500, {}), json(200, { ok: 2 }));
    const before = seen.length;
    const response = await client().request({ path: 'flaky' });
    expect(response.body).toEqual({ ok: 2 });
    expect(seen.length - before).toBe(3);
  });

  it('does not resend a POST after a 5xx (it may have been done), but does after 429', async () => {
    on('/api/v3/create', json(500, { message: 'boom' }));
    const before = seen.length;
    const error = await failure(client().request({ method: 'POST', path: 'create', body: { a: 1 } }));
    expect(error.code).toBe('TESTOPS_VENDOR_UNAVAILABLE');
    expect(seen.length - before).toBe(1);
    on('/api/v3/create', json(429, {}, { 'retry-after': '0' }), json(201, { id: 1 }));
    expect((await client().request({ method: 'POST', path: 'create', body: {} })).status).toBe(201);
  });

  it("treats GitHub's 403 with x-ratelimit-remaining: 0 as a rate limit, not a denial", async () => {
    const reset = String(Math.ceil(Date.now() / 1000));
    on(
      '/api/v3/primary',
      json(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      ),
      json(200, { ok: 3 }),
    );
    expect((await client().request({ path: 'primary' })).body).toEqual({ ok: 3 });
  });

  it('names the OAuth scope a classic GitHub token lacks on 403', async () => {
    on(
      '/api/v3/repos/o/r/git/blobs',
      json(
        403,
        { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com' },
        { 'x-accepted-oauth-scopes': 'repo', 'x-oauth-scopes': 'read:user, gist' },
      ),
    );
    const error = await failure(client().request({ method: 'POST', path: 'repos/o/r/git/blobs', body: {} }));
    expect(error).toBeInstanceOf(TestopsError);
    expect(error.code).toBe('TESTOPS_VENDOR_FORBIDDEN');
    expect(error.message).toContain('the token lacks the scope "repo"');
    expect(error.message).toContain('POST http://127.0.0.1');
  });

  it('names the fine-grained permission GitHub asks for', async () => {
    on(
      '/api/v3/repos/o/r/pulls',
      json(
        403,
        { message: 'Resource not accessible by personal access token' },
        { 'x-accepted-github-permissions': 'pull_requests=write' },
      ),
    );
    const error = await failure(client().request({ method: 'POST', path: 'repos/o/r/pulls', body: {} }));
    expect(error.message).toContain('the token lacks the permission pull_requests=write');
  });

  it("names GitLab's insufficient_scope", async () => {
    on(
      '/api/v4/projects/1/merge_requests',
      json(403, {
        error: 'insufficient_scope',
        error_description: 'The request requires higher privileges than provided by the access token.',
        scope: 'api',
      }),
    );
    const gitlab = client({ dialect: gitlabDialect, baseUrl: new URL('api/v4', base.origin) });
    const error = await failure(
      gitlab.request({ method: 'POST', path: 'projects/1/merge_requests', body: {} }),
    );
    expect(error.code).toBe('TESTOPS_VENDOR_FORBIDDEN');
    expect(error.message).toContain('the token lacks the scope "api"');
    expect(seen.at(-1)!.headers['private-token']).toBe(TOKEN);
  });

  it('tells 401, 404 and 422 apart, and never repeats the token', async () => {
    on('/api/v3/who', json(401, { message: `Bad credentials for ${TOKEN}` }));
    on('/api/v3/repos/o/missing', json(404, { message: 'Not Found' }));
    on(
      '/api/v3/repos/o/r/pulls/1',
      json(422, { message: 'Validation Failed', errors: [{ message: 'A pull request already exists' }] }),
    );
    const unauthorized = await failure(client().request({ path: 'who' }));
    expect(unauthorized.code).toBe('TESTOPS_VENDOR_UNAUTHORIZED');
    expect(unauthorized.message).not.toContain(TOKEN);
    expect(unauthorized.message).toContain('Bad credentials for ***');
    const missing = await failure(client().request({ path: 'repos/o/missing' }));
    expect(missing.code).toBe('TESTOPS_VENDOR_NOT_FOUND');
    expect(missing.message).toContain('GitHub answers 404, not 403');
    const rejected = await failure(
      client().request({ method: 'PATCH', path: 'repos/o/r/pulls/1', body: {} }),
    );
    expect(rejected.code).toBe('TESTOPS_VENDOR_REJECTED');
    expect(rejected.message).toContain('A pull request already exists');
  });

  it('gives a status the caller accepts back as it is', async () => {
    on('/api/v3/repos/o/r/branches/new', json(404, { message: 'Branch not found' }));
    expect((await client().request({ path: 'repos/o/r/branches/new', accept: [404] })).status).toBe(404);
  });

  it('fails an attempt that outlives its timeout, and retries it', async () => {
    const slow: Handler = (_request, response) =>
      void setTimeout(() => json(200, { late: true })(_request, response), 400);
    on('/api/v3/slow', slow);
    const error = await failure(client({ timeoutMs: 100, maxRetries: 1 }).request({ path: 'slow' }));
    expect(error.code).toBe('TESTOPS_VENDOR_TIMEOUT');
  });

  it('follows Link rel="next" pages, and refuses a link to another origin', async () => {
    const page = (n: number, next?: string): Handler =>
      json(200, [n], next ? { link: `<${next}>; rel="next", <${base.href}items?page=9>; rel="last"` } : {});
    on(
      '/api/v3/items',
      page(1, `${base.href}items?page=2&per_page=1`),
      page(2, `${base.href}items?page=3&per_page=1`),
      page(3),
    );
    const items: number[] = [];
    for await (const chunk of client().pages<number>({ path: 'items', query: { per_page: 1 } }))
      items.push(...chunk);
    expect(items).toEqual([1, 2, 3]);
    on('/api/v3/leaky', json(200, [1], { link: '<http://198.51.100.7/steal?page=2>; rel="next"' }));
    const pages = client().pages({ path: 'leaky' });
    await pages.next();
    const error = await failure(pages.next());
    expect(error.code).toBe('TESTOPS_VENDOR_REJECTED');
    expect(error.message).toContain('not at the API');
  });

  it('pages offset styles (startAt, maxResults, total) through the pager hook', async () => {
    const all = [1, 2, 3, 4, 5];
    on('/api/v3/search', (request, response) => {
      const url = new URL(request.url!, 'http://local');
      const start = Number(url.searchParams.get('startAt') ?? 0);
      json(200, { startAt: start, total: all.length, issues: all.slice(start, start + 2) })(
        request,
        response,
      );
    });
    const items: number[] = [];
    const pager = offsetPager({
      startParam: 'startAt',
      sizeParam: 'maxResults',
      pageSize: 2,
      total: (body) => (body as { total: number }).total,
    });
    for await (const chunk of client().pages<number>(
      { path: 'search', query: { startAt: 0, maxResults: 2 } },
      { pager, items: (body) => (body as { issues: number[] }).issues },
    ))
      items.push(...chunk);
    expect(items).toEqual(all);
  });

  it('refuses a private address unless loopback is allowed (the SSRF guard at connect time)', async () => {
    const error = await failure(client({ guard: { allowPrivate: false } }).request({ path: 'user' }));
    expect(error.code).toBe('TESTOPS_URL_REFUSED');
  });

  it('does not follow a redirect to another origin with the token', async () => {
    on('/api/v3/moved', (_request, response) => {
      response.writeHead(301, { location: 'http://localhost:1/elsewhere' });
      response.end();
    });
    const error = await failure(client().request({ path: 'moved' }));
    expect(error.code).toBe('TESTOPS_VENDOR_REJECTED');
    expect(error.message).toContain('redirected GET to http://localhost:1');
  });

  it('reads a Link header with several relations', () => {
    expect(linkTarget('<https://x/a?page=2>; rel="next", <https://x/a?page=5>; rel="last"', 'next')).toBe(
      'https://x/a?page=2',
    );
    expect(linkTarget('<https://x/a?page=5>; rel="last"', 'next')).toBeUndefined();
    expect(linkTarget(null, 'next')).toBeUndefined();
  });
});
