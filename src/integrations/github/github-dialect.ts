// How GitHub (github.com and Enterprise Server) says "not allowed" and "slow down":
// https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
import type { VendorDialect, VendorResponse } from '../vendor-exchange.ts';

/** The REST API version our calls and the OpenAPI description we test against are written for. */
export const GITHUB_API_VERSION = '2022-11-28';

export const githubDialect: VendorDialect = {
  vendor: 'GitHub',
  authHeaders: (token) => ({
    authorization: `Bearer ${token}`,
    accept: 'application/vnd.github+json',
    'x-github-api-version': GITHUB_API_VERSION,
  }),
  explainDenial: (response) => {
    if (response.status === 401)
      return {
        hint: 'create a new token (classic: scopes "repo" and "workflow"; fine-grained: Contents, Pull requests and Workflows read and write).',
      };
    const missing = missingPermission(response) ?? missingScope(response);
    if (response.status === 404) return { ...(missing ? { missing } : {}), hint: NOT_FOUND_HINT };
    return missing ? { missing, hint: `give the token ${missing}, or use one that has it.` } : {};
  },
  rateLimitWaitMs,
};

const NOT_FOUND_HINT =
  'GitHub answers 404, not 403, when a token may not see a private repository: check owner/name, and that the token reaches it (classic: scope "repo"; fine-grained: the repository selected).';

/** Fine-grained tokens and GitHub Apps: `X-Accepted-GitHub-Permissions: contents=write; pull_requests=write`. */
function missingPermission(response: VendorResponse): string | undefined {
  const accepted = response.headers.get('x-accepted-github-permissions');
  if (!accepted) return undefined;
  const options = accepted
    .split(/[;,]/)
    .map((item) => item.trim())
    .filter(Boolean);
  if (options.length === 0) return undefined;
  return options.length === 1 ? `the permission ${options[0]}` : `the permissions ${options.join(' and ')}`;
}

/** Classic tokens: the scopes the endpoint accepts (`X-Accepted-OAuth-Scopes`) that the token (`X-OAuth-Scopes`) has none of. */
function missingScope(response: VendorResponse): string | undefined {
  const accepted = scopeList(response.headers.get('x-accepted-oauth-scopes'));
  if (accepted.length === 0 || !response.headers.has('x-oauth-scopes')) return undefined;
  const granted = new Set(scopeList(response.headers.get('x-oauth-scopes')));
  if (accepted.some((scope) => granted.has(scope))) return undefined;
  const names = accepted.map((scope) => `"${scope}"`);
  return names.length === 1 ? `the scope ${names[0]}` : `one of the scopes ${names.join(', ')}`;
}

function scopeList(header: string | null): string[] {
  return (header ?? '')
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
}

/**
 * GitHub's primary rate limit answers 403 or 429 with `x-ratelimit-remaining: 0` and the reset
 * time in epoch seconds; secondary limits send Retry-After. A 403 with neither is a denial.
 */
function rateLimitWaitMs(response: VendorResponse, now: number): number | undefined {
  if (response.status !== 403 && response.status !== 429) return undefined;
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
  if (response.headers.get('x-ratelimit-remaining') !== '0') return undefined;
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined;
}

/**
 * The API root: github.com's is `https://api.github.com/`; an Enterprise Server answers at
 * `https://host/api/v3/` (a root given as such is kept).
 */
export function githubApiRoot(given: URL): URL {
  if (given.hostname === 'github.com' || given.hostname === 'api.github.com')
    return new URL('https://api.github.com/');
  const path = given.pathname.replace(/\/+$/, '');
  return new URL(`${given.origin}${path.endsWith('/api/v3') ? path : `${path}/api/v3`}/`);
}
