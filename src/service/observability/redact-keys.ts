import { REDACTED } from './redact-secrets.ts';

/**
 * Credential-bearing keys, compared without case, `-` or `_` so `apiKey`, `api_key`, `API-KEY`
 * and `x-api-key` all match. Headers are here too: they reach logs inside evidence and job input,
 * not only under `req.headers`.
 */
export const SECRET_KEY_NAMES: readonly string[] = [
  'token',
  'password',
  'passwd',
  'secret',
  'apiKey',
  'accessToken',
  'refreshToken',
  'idToken',
  'clientSecret',
  'secretKey',
  'privateKey',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
];

const normalise = (key: string): string => key.replace(/[-_]/g, '').toLowerCase();
const SECRET_KEYS = new Set(SECRET_KEY_NAMES.map(normalise));

/** Deeper than anything we log on purpose; it also bounds the walk on odd shapes. */
const MAX_DEPTH = 8;

// Logged keys repeat endlessly; remembering verdicts keeps the walk cheap. Cleared when large, so
// objects keyed by ids cannot grow it without bound.
const verdicts = new Map<string, boolean>();
const MAX_REMEMBERED = 5_000;

export function isSecretKey(key: string): boolean {
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = SECRET_KEYS.has(normalise(key));
    if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** What happens to string values on the way: free-text scrubbing (see `redactSecrets`), or nothing. */
export type TextScrubber = (text: string) => string;

const keepText: TextScrubber = (text) => text;

/**
 * Returns `value` with every credential key's value replaced, at any depth of plain objects and
 * arrays, and every other string passed through `scrubText`. Copy-on-write: the caller's object
 * is never changed and untouched branches are shared. Class instances (requests, errors,
 * buffers) are left to their pino serializers.
 *
 * pino's own `redact` would do the keys with `*.key` paths, but its wildcards match one level
 * each and cost ~100 µs per line once spelled out to a useful depth; this walk costs a few.
 */
export function redactSecretKeys<T>(value: T, scrubText: TextScrubber = keepText, depth = 0): T {
  if (typeof value === 'string') return scrubText(value) as T;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const scrubbed = redactSecretKeys(item, scrubText, depth + 1);
      if (scrubbed !== item) (copy ??= [...value])[index] = scrubbed;
    });
    return (copy ?? value) as T;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const scrubbed =
      isSecretKey(key) && item !== undefined && item !== null
        ? REDACTED
        : redactSecretKeys(item, scrubText, depth + 1);
    if (scrubbed !== item) (copy ??= { ...record })[key] = scrubbed;
  }
  return (copy ?? value) as T;
}
