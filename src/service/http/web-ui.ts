import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built web UI (`web/dist`, shipped with the package); absent in a checkout that never built it. */
export const WEB_UI_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * The client-side routes of the web UI: each answers with the app's page so a reload or a shared
 * link opens the screen. Listed, not a catch-all, so the UI never shadows the API, `/docs`, the
 * probes or the 404 of an unknown API path.
 */
export const WEB_UI_PAGES = ['/', '/projects', '/jobs', '/settings'] as const;

// The page and its hashed assets are public: they hold no data; every API call they make needs a key.
const PUBLIC = { access: 'public' as const };
const PAGE_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  // Mantine sets positions and colours through style attributes.
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

export function webUiBuilt(dir: string = WEB_UI_DIR): boolean {
  return existsSync(`${dir}/index.html`);
}

/** Serves the UI at `/`: the page for every client route, and the content-hashed assets under `/assets/`. */
export async function registerWebUi(app: FastifyInstance, dir: string = WEB_UI_DIR): Promise<void> {
  await app.register(fastifyStatic, { root: dir, serve: false });
  const page = (_request: unknown, reply: FastifyReply) =>
    reply
      .header('content-security-policy', PAGE_POLICY)
      .header('x-content-type-options', 'nosniff')
      .sendFile('index.html', { maxAge: 0, immutable: false, cacheControl: false })
      .header('cache-control', 'no-cache');
  for (const path of WEB_UI_PAGES) {
    app.get(path, { schema: { hide: true }, config: PUBLIC }, page);
    if (path !== '/') app.get(`${path}/*`, { schema: { hide: true }, config: PUBLIC }, page);
  }
  app.get<{ Params: { '*': string } }>(
    '/assets/*',
    { schema: { hide: true }, config: PUBLIC },
    (request, reply) =>
      reply
        .header('x-content-type-options', 'nosniff')
        .sendFile(`assets/${request.params['*']}`, { maxAge: '365d', immutable: true }),
  );
}
