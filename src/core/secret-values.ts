/**
 * The secret values of a run, scrubbed by value wherever text is written: evidence, curl lines,
 * reports, logs, stored artifacts. A header such as `X-Vault-Token` is secret because it was
 * given as a header, whatever its name; a name list alone lets custom names through.
 *
 * The emitted suites apply the same rule in their own runtimes (support/secrets.ts and
 * support/testops_support.py): they cannot import this module, so keep the three in step.
 */

/** What a scrubbed value becomes. */
export const SECRET_MASK = '***';

/** Shorter values are not scrubbed: replacing every "ab" would shred the text and hide nothing. */
export const MIN_SECRET_LENGTH = 4;

/** Environment variable listing, comma-separated, the suite variables whose values are secret. */
export const SECRET_VARS_ENV = 'TESTOPS_SECRET_VARS';

/** Credentials the emitted suites read from the environment besides `API_HEADERS`. */
const CREDENTIAL_ENV = ['API_TOKEN', 'API_KEY', 'API_PASSWORD'];

/** `Scheme credential` (Bearer, Token, Basic, …): the credential alone is secret too. */
const SCHEME_VALUE = /^[A-Za-z][A-Za-z0-9_-]*\s+(\S+)$/;

/**
 * The secret values in `Name: value` header lines: each value, the credential after its scheme,
 * and for Basic the decoded `user:password` and the password.
 *
 * @example headerSecretValues(['Authorization: Basic dXNlcjpwYXNzd29yZA==']) // ['Basic dXNl…', 'dXNl…', 'user:password', 'password']
 */
export function headerSecretValues(headers: readonly string[]): string[] {
  return headers.flatMap((header) => {
    const colon = header.indexOf(':');
    if (colon <= 0) return [];
    const value = header.slice(colon + 1).trim();
    const credential = SCHEME_VALUE.exec(value)?.[1];
    if (!credential) return [value];
    return [value, credential, ...basicCredentials(value.split(/\s/)[0]!, credential)];
  });
}

function basicCredentials(scheme: string, credential: string): string[] {
  if (scheme.toLowerCase() !== 'basic') return [];
  const decoded = Buffer.from(credential, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // Not base64 of user:password after all: nothing more to learn from it.
  if (colon < 0 || Buffer.from(decoded, 'utf8').toString('base64') !== credential) return [];
  return [decoded, decoded.slice(colon + 1)];
}

/**
 * The secret values a suite's environment holds: header values in `API_HEADERS`, the credential
 * variables, and the variables `TESTOPS_SECRET_VARS` names. The emitted runtimes read the same.
 */
export function environmentSecretValues(env: Readonly<Record<string, string | undefined>>): string[] {
  const headers = (env['API_HEADERS'] ?? '').split(/\r?\n/);
  const marked = (env[SECRET_VARS_ENV] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return [
    ...headerSecretValues(headers),
    ...[...CREDENTIAL_ENV, ...marked].map((name) => env[name] ?? ''),
  ].filter((value) => value.length >= MIN_SECRET_LENGTH);
}

/**
 * The ways a value is written where it may land: as is, URL-encoded (both ways spaces go),
 * escaped inside a JSON string or XML (JUnit), and base64.
 */
export function secretForms(value: string): string[] {
  if (value.length < MIN_SECRET_LENGTH) return [];
  return [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
    escapeXml(value),
    Buffer.from(value, 'utf8').toString('base64'),
  ];
}

export interface SecretScrubber {
  /** Every form of every value, longest first. Empty when there is nothing to scrub. */
  readonly forms: readonly string[];
  /** `text` with every form replaced by the mask. */
  scrub(text: string): string;
  /** A copy of plain objects and arrays with every string scrubbed; other values as given. */
  scrubDeep<T>(value: T): T;
  /** The same error with its message and stack scrubbed (a runner's output lands in messages). */
  scrubError<T>(error: T): T;
  /** File content with every form masked; bytes around a match are kept, so binary files stay intact elsewhere. */
  scrubBytes(content: Buffer): Buffer;
}

/** One scrubber for a run's secret values; give it the values once, use it on everything written. */
export function secretScrubber(values: Iterable<string>, mask: string = SECRET_MASK): SecretScrubber {
  const unique = new Set<string>();
  for (const value of values) for (const form of secretForms(value)) unique.add(form);
  // Longest first, so a secret containing another is replaced whole.
  const forms = [...unique].sort((a, b) => b.length - a.length);
  const scrub = (text: string): string => {
    let result = text;
    for (const form of forms) if (result.includes(form)) result = result.split(form).join(mask);
    return result;
  };
  const scrubDeep = <T>(value: T): T => {
    if (forms.length === 0) return value;
    if (typeof value === 'string') return scrub(value) as T;
    if (Array.isArray(value)) return value.map(scrubDeep) as T;
    if (value === null || typeof value !== 'object') return value;
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item)])) as T;
  };
  const scrubError = <T>(error: T): T => {
    if (!(error instanceof Error) || forms.length === 0) return error;
    error.message = scrub(error.message);
    if (error.stack) error.stack = scrub(error.stack);
    return error;
  };
  const needles = forms.map((form) => Buffer.from(form, 'utf8'));
  const maskBytes = Buffer.from(mask, 'utf8');
  const scrubBytes = (content: Buffer): Buffer => {
    let result = content;
    for (const needle of needles)
      if (result.includes(needle)) result = replaceBytes(result, needle, maskBytes);
    return result;
  };
  return { forms, scrub, scrubDeep, scrubError, scrubBytes };
}

function replaceBytes(content: Buffer, needle: Buffer, replacement: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = content.indexOf(needle); at >= 0; at = content.indexOf(needle, from)) {
    parts.push(content.subarray(from, at), replacement);
    from = at + needle.length;
  }
  parts.push(content.subarray(from));
  return Buffer.concat(parts);
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
