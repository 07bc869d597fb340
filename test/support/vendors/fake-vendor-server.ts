import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';

// The base of our local vendor servers (Jira, Allure TestOps): real HTTP on 127.0.0.1, routes
// matched by method and path, every request checked against its schema (a violation answers
// 400 in the vendor's error shape and is recorded, so a test fails on it), and scripted answers
// (a 429 with Retry-After, a 503) served before a route's real handler.

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  rawBody: string;
  /** JSON or form fields, as the content type says; undefined when empty. */
  body: unknown;
  params: Record<string, string>;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeRoute {
  /** Stable name tests script failures by: `createIssue`. */
  name: string;
  method: string;
  /** `/rest/api/3/issue/:key/comment` */
  path: string;
  /** JSON schema of the body. */
  body?: object;
  /** JSON schema of the query, as an object of strings. */
  query?: object;
  handle(request: FakeRequest): FakeAnswer | Promise<FakeAnswer>;
}

export interface Violation {
  route: string;
  errors: string;
}

export interface FakeVendorServer {
  url: URL;
  /** Every request received, in order. */
  requests: FakeRequest[];
  /** Requests that broke their schema. */
  violations: Violation[];
  /** Serves these answers, in order, to the next requests of the route before its handler. */
  script(route: string, ...answers: FakeAnswer[]): void;
  close(): Promise<void>;
}

export async function startFakeVendorServer(options: {
  routes: FakeRoute[];
  /** The vendor's error body for a status and message. */
  errorBody(status: number, message: string, request: FakeRequest): unknown;
}): Promise<FakeVendorServer> {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const compiled = options.routes.map((route) => ({
    route,
    pattern: pathPattern(route.path),
    body: route.body ? ajv.compile(route.body) : undefined,
    query: route.query ? ajv.compile(route.query) : undefined,
  }));
  const scripted = new Map<string, FakeAnswer[]>();
  const requests: FakeRequest[] = [];
  const violations: Violation[] = [];

  const server = createServer((incoming, outgoing) => {
    void respond(incoming, outgoing).catch((error: unknown) =>
      send(outgoing, { status: 500, body: { message: String(error) } }),
    );
  });

  async function respond(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', 'http://fake');
    const rawBody = await readBody(incoming);
    const request: FakeRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      rawBody,
      body: parseBody(rawBody, incoming.headers['content-type']),
      params: {},
    };
    requests.push(request);
    const match = compiled
      .map((entry) => ({
        entry,
        params: entry.route.method === request.method ? entry.pattern(url.pathname) : undefined,
      }))
      .find((candidate) => candidate.params !== undefined);
    if (!match) {
      send(outgoing, {
        status: 404,
        body: options.errorBody(404, `No route ${request.method} ${url.pathname}`, request),
      });
      return;
    }
    request.params = match.params!;
    const { entry } = match;
    const problems = [
      schemaProblems(entry.body, request.body, 'body'),
      schemaProblems(entry.query, Object.fromEntries(url.searchParams), 'query'),
    ].filter(Boolean);
    if (problems.length > 0) {
      violations.push({ route: entry.route.name, errors: problems.join('; ') });
      send(outgoing, { status: 400, body: options.errorBody(400, problems.join('; '), request) });
      return;
    }
    const queued = scripted.get(entry.route.name);
    const answer = queued && queued.length > 0 ? queued.shift()! : await entry.route.handle(request);
    send(outgoing, answer);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/`),
    requests,
    violations,
    script: (route, ...answers) => {
      if (!options.routes.some((candidate) => candidate.name === route))
        throw new Error(`no route named ${route}`);
      scripted.set(route, [...(scripted.get(route) ?? []), ...answers]);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function schemaProblems(
  validate: ValidateFunction | undefined,
  value: unknown,
  where: string,
): string | undefined {
  if (!validate || validate(value)) return undefined;
  return (validate.errors ?? [])
    .map((error) => `${where}${error.instancePath} ${error.message ?? 'is invalid'}`)
    .join(', ');
}

/** `/a/:id/b` → a matcher returning the params, or undefined. */
function pathPattern(path: string): (actual: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const source = path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const regex = new RegExp(`^${source}$`);
  return (actual) => {
    const found = regex.exec(actual);
    if (!found) return undefined;
    return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1]!)]));
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if ((contentType ?? '').includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function send(response: ServerResponse, answer: FakeAnswer): void {
  const json = answer.body === undefined ? '' : JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...(json ? { 'content-type': 'application/json;charset=UTF-8' } : {}),
    ...answer.headers,
  });
  response.end(json);
}
