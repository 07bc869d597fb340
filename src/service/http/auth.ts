import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyRecord, KeyStore } from '../store/stores.ts';
import { TestopsError } from '../../core/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    apiKey: ApiKeyRecord | undefined;
  }
  interface FastifyContextConfig {
    /** Who may call the route; set for every route when it is registered (see `routeAccess`). */
    access?: RouteAccess;
  }
}

/**
 * `public`: probes and the API documentation; `key`: everything else (a key when auth is on);
 * `admin`: the queue dashboard, always with a key for every project.
 */
export type RouteAccess = 'public' | 'key' | 'admin';

const PUBLIC_ROUTES = new Set(['/', '/health', '/ready', '/metrics', '/openapi.json']);

/**
 * Access by the route's own pattern, as registered — never by the request's raw URL, which the
 * router decodes (`/%61pi/...` is served by `/api/...`). Anything not listed needs a key.
 */
export function routeAccess(routeUrl: string, method: string | string[]): RouteAccess {
  // CORS preflights carry no credentials by design and answer with headers only.
  if (routeUrl === '*' && [method].flat().every((verb) => verb === 'OPTIONS')) return 'public';
  if (PUBLIC_ROUTES.has(routeUrl) || routeUrl === '/docs' || routeUrl.startsWith('/docs/')) return 'public';
  if (routeUrl === '/admin' || routeUrl.startsWith('/admin/')) return 'admin';
  return 'key';
}

/** The key from `Authorization: Bearer <key>` or `X-API-Key`. */
function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  const key = request.headers['x-api-key'];
  return typeof key === 'string' ? key.trim() : undefined;
}

/**
 * Marks every route with its access level as it is registered. Must run before any route (or
 * plugin with routes) is added, so no route escapes the marking.
 */
export function registerRouteAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: route.config?.access ?? routeAccess(route.url, route.method) };
  });
}

/**
 * API keys, deny by default: every route but the public ones needs a valid key when the server is
 * reachable from other machines (or configured so); on loopback without auth a key is optional
 * but, when sent, must be valid. Requests that match no route are judged as `key` routes too.
 */
export function registerAuth(app: FastifyInstance, keys: KeyStore, options: { required: boolean }): void {
  app.decorateRequest('apiKey', undefined);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access ?? 'key';
    if (access === 'public') return;
    const key = presentedKey(request);
    if (key === undefined) {
      if (options.required || access === 'admin')
        throw new TestopsError(
          'TESTOPS_UNAUTHENTICATED',
          'an API key is required: send "Authorization: Bearer <key>"; create one with `testops keys create --project <id>`.',
        );
      return;
    }
    const record = await keys.verify(key);
    if (!record)
      throw new TestopsError(
        'TESTOPS_UNAUTHENTICATED',
        'the API key is unknown or revoked; create a new one with `testops keys create`.',
      );
    if (access === 'admin' && record.projectId !== '*')
      throw new TestopsError(
        'TESTOPS_FORBIDDEN',
        'the queue dashboard needs a key for every project (`testops keys create --project "*"`).',
      );
    request.apiKey = record;
  });
}

/** Refuses a key scoped to another project. Without a key (loopback, auth off) everything is allowed. */
export function authorizeProject(request: FastifyRequest, projectId: string): void {
  const key = request.apiKey;
  if (!key || key.projectId === '*' || key.projectId === projectId) return;
  throw new TestopsError(
    'TESTOPS_FORBIDDEN',
    `this API key is scoped to project "${key.projectId}", not "${projectId}".`,
  );
}

/** Who did it, for the audit log: the key's id, or the loopback caller. */
export function actorOf(request: FastifyRequest): string {
  return request.apiKey ? `key:${request.apiKey.id}` : `local:${request.ip}`;
}
