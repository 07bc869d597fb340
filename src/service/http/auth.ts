import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyRecord, KeyStore } from '../store/stores.ts';
import { HttpError } from './error-response.ts';

declare module 'fastify' {
  interface FastifyRequest {
    apiKey: ApiKeyRecord | undefined;
  }
}

/** The key from `Authorization: Bearer <key>` or `X-API-Key`. */
function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  const key = request.headers['x-api-key'];
  return typeof key === 'string' ? key.trim() : undefined;
}

/**
 * API keys on /api and /admin. Required when the server is reachable from other machines (or
 * configured so); on loopback without auth a key is optional but, when sent, must be valid.
 */
export function registerAuth(app: FastifyInstance, keys: KeyStore, options: { required: boolean }): void {
  app.decorateRequest('apiKey', undefined);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    const guarded = path.startsWith('/api/') || path.startsWith('/admin');
    if (!guarded) return;
    const key = presentedKey(request);
    if (key === undefined) {
      if (options.required || path.startsWith('/admin'))
        throw new HttpError(
          401,
          'TESTOPS_UNAUTHENTICATED',
          'an API key is required: send "Authorization: Bearer <key>"; create one with `testops keys create --project <id>`.',
        );
      return;
    }
    const record = await keys.verify(key);
    if (!record)
      throw new HttpError(
        401,
        'TESTOPS_UNAUTHENTICATED',
        'the API key is unknown or revoked; create a new one with `testops keys create`.',
      );
    if (path.startsWith('/admin') && record.projectId !== '*')
      throw new HttpError(
        403,
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
  throw new HttpError(
    403,
    'TESTOPS_FORBIDDEN',
    `this API key is scoped to project "${key.projectId}", not "${projectId}".`,
  );
}

/** Who did it, for the audit log: the key's id, or the loopback caller. */
export function actorOf(request: FastifyRequest): string {
  return request.apiKey ? `key:${request.apiKey.id}` : `local:${request.ip}`;
}
