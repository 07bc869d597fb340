// A throwaway site on 127.0.0.1 for explorer tests: fixed HTML per path, a log of every
// request path, and optional redirects.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalSite {
  url: string;
  origin: string;
  /** Paths requested so far, in order. */
  hits: string[];
  close(): Promise<void>;
}

/** `delayMs`: the answer waits that long (a slow back end behind a control). */
export type Route = string | { redirect: string } | { status: number; body: string; delayMs?: number };

export async function startLocalSite(routes: Record<string, Route>): Promise<LocalSite> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    hits.push(path);
    const route = routes[path];
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    } else if (typeof route === 'string') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(route);
    } else if ('redirect' in route) {
      response.writeHead(302, { location: route.redirect });
      response.end();
    } else {
      setTimeout(() => {
        response.writeHead(route.status, { 'content-type': 'text/html; charset=utf-8' });
        response.end(route.body);
      }, route.delayMs ?? 0);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    hits,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A minimal HTML page. */
export function html(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}
