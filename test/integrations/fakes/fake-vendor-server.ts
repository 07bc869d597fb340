// The HTTP side shared by the fake GitLab and GitHub: a loopback server that checks the token,
// validates every request against the vendor's OpenAPI description, records what it was sent,
// answers from routes, and can be told to answer the next matching requests with a failure
// (403, 429 with Retry-After, 5xx) exactly as the vendor would.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenApiRequestValidator } from './openapi-request-validator.ts';

export interface FakeRequest {
  method: string;
  /** The raw path, percent-encoding kept (GitLab's project ids are encoded paths). */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  params: string[];
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeRoute = {
  method: string;
  pattern: RegExp;
  answer: (request: FakeRequest) => Promise<FakeAnswer> | FakeAnswer;
};

export interface Injection {
  method: string;
  pattern: RegExp;
  /** How many matching requests get this answer. */
  times: number;
  answer: FakeAnswer;
}

export interface SeenRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  operation: string | undefined;
}

export interface FakeServerOptions {
  validator: OpenApiRequestValidator;
  /** Whether the request carries the right token. */
  authorized: (headers: IncomingMessage['headers']) => boolean;
  unauthorized: FakeAnswer;
  notFound: FakeAnswer;
  /** The vendor's answer to a request its API would refuse as malformed. */
  invalid: (problems: string[]) => FakeAnswer;
  routes: FakeRoute[];
}

export class FakeVendorServer {
  readonly seen: SeenRequest[] = [];
  /** Requests that did not match the OpenAPI description: a test expects none. */
  readonly problems: string[] = [];
  private readonly injections: Injection[] = [];
  private server: Server | undefined;
  origin = '';

  constructor(private readonly options: FakeServerOptions) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(
        (answer) => {
          response.writeHead(answer.status, {
            'content-type': 'application/json; charset=utf-8',
            ...answer.headers,
          });
          response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
        },
        (error: unknown) => {
          this.problems.push(`the fake failed: ${String((error as Error).stack ?? error)}`);
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ message: 'Internal Server Error' }));
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `times` requests matching `method` and `pattern` get `answer` instead of the real one. */
  inject(injection: Injection): void {
    this.injections.push({ ...injection });
  }

  /** Requests since `from` (an index into `seen`) matching a method and a path pattern. */
  count(method: string, pattern: RegExp, from = 0): number {
    return this.seen.slice(from).filter((seen) => seen.method === method && pattern.test(seen.path)).length;
  }

  private async handle(incoming: IncomingMessage): Promise<FakeAnswer> {
    const url = new URL(incoming.url!, 'http://fake');
    const body = await readJson(incoming);
    const request: FakeRequest = {
      method: incoming.method!,
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      body,
      params: [],
    };
    const check = this.options.validator.check(request.method, request.path, request.query, body);
    const answer = await this.answer(request, check.problems);
    this.seen.push({
      method: request.method,
      path: request.path,
      query: url.search,
      status: answer.status,
      operation: check.operation,
    });
    return answer;
  }

  private async answer(request: FakeRequest, problems: string[]): Promise<FakeAnswer> {
    if (!this.options.authorized(request.headers)) return this.options.unauthorized;
    if (problems.length > 0) {
      this.problems.push(...problems);
      return this.options.invalid(problems);
    }
    const injection = this.injections.find(
      (item) => item.times > 0 && item.method === request.method && item.pattern.test(request.path),
    );
    if (injection) {
      injection.times -= 1;
      return injection.answer;
    }
    for (const route of this.options.routes) {
      const match = route.method === request.method ? route.pattern.exec(request.path) : null;
      if (match)
        return route.answer({ ...request, params: match.slice(1).map((part) => decodeURIComponent(part)) });
    }
    return this.options.notFound;
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { unparsable: text };
  }
}

/** One page of `items` with the Link header both vendors send (`rel="next"`, `rel="last"`…). */
export function paged<T>(
  items: readonly T[],
  request: FakeRequest,
  origin: string,
  maxPerPage: number,
  defaultPerPage: number,
) {
  const perPage = Math.min(
    maxPerPage,
    Number(request.query.get('per_page') ?? defaultPerPage) || defaultPerPage,
  );
  const page = Math.max(1, Number(request.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (number: number, rel: string) => {
    const url = new URL(`${origin}${request.path}`);
    for (const [name, value] of request.query) url.searchParams.set(name, value);
    url.searchParams.set('page', String(number));
    url.searchParams.set('per_page', String(perPage));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links = [
    ...(page < last ? [link(page + 1, 'next')] : []),
    ...(page > 1 ? [link(page - 1, 'prev')] : []),
    link(1, 'first'),
    link(last, 'last'),
  ];
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: { link: links.join(', ') },
    page,
    perPage,
    last,
  };
}
