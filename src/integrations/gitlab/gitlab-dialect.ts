// How GitLab (gitlab.com and self-managed, API v4) says "not allowed":
// https://docs.gitlab.com/api/rest/troubleshooting/ and the OAuth 2.0 error of RFC 6750 §3.1.
import type { VendorDialect, VendorResponse } from '../vendor-exchange.ts';

export const gitlabDialect: VendorDialect = {
  vendor: 'GitLab',
  authHeaders: (token) => ({ 'private-token': token }),
  explainDenial: (response) => {
    switch (response.status) {
      case 401:
        return {
          hint: 'create a new personal, project or group access token with the scope "api"; this one is unknown, expired or revoked.',
        };
      case 404:
        return {
          hint: 'GitLab answers 404 for a project the token may not see: check the project path (group/project) or id, and that the token’s user or bot is a member.',
        };
      default: {
        const scope = insufficientScope(response);
        if (scope)
          return {
            missing: `the scope "${scope}"`,
            hint: `create a token with the scope "${scope}" (write_repository alone cannot open merge requests).`,
          };
        return {
          missing:
            'a role that may push and open merge requests in this project (Developer or higher; Maintainer for a protected branch)',
          hint: 'give the token’s user or bot the Developer role in the project, or export to a branch that is not protected.',
        };
      }
    }
  },
};

/** `{"error":"insufficient_scope","scope":"api"}`, or the same in `WWW-Authenticate: Bearer error="insufficient_scope", scope="api"`. */
function insufficientScope(response: VendorResponse): string | undefined {
  const body = response.body as { error?: unknown; scope?: unknown } | undefined;
  if (body && typeof body === 'object' && body.error === 'insufficient_scope')
    return typeof body.scope === 'string' && body.scope ? body.scope : 'api';
  const challenge = response.headers.get('www-authenticate') ?? '';
  if (!/error="?insufficient_scope/i.test(challenge)) return undefined;
  return /scope="([^"]+)"/i.exec(challenge)?.[1] ?? 'api';
}

/** The API root of an instance: `https://gitlab.example.com` → `https://gitlab.example.com/api/v4/` (a root given as such is kept). */
export function gitlabApiRoot(instance: URL): URL {
  const path = instance.pathname.replace(/\/+$/, '');
  return new URL(`${instance.origin}${path.endsWith('/api/v4') ? path : `${path}/api/v4`}/`);
}
