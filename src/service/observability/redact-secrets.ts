import { secretScrubber, type SecretScrubber } from '../../core/secret-values.ts';

/**
 * Scrubbing of free text (log messages, error messages, job event text) that structured redaction
 * cannot reach: pino's `redact` only sees object keys, never what a string says.
 */

export const REDACTED = '[redacted]';

/**
 * Shapes a credential has whoever owns it. Each pattern keeps the label (scheme, parameter name,
 * user name) so the text still says what was there.
 */
const SECRET_PATTERNS: readonly { pattern: RegExp; replacement: string }[] = [
  // Authorization header values as they appear in messages, curl lines and dumps.
  // Eight characters at least, so prose such as "missing Bearer token" stays readable.
  { pattern: /\b(Bearer|Basic)(\s+)[A-Za-z0-9._~+/=-]{8,}/gi, replacement: `$1$2${REDACTED}` },
  // Our API keys (`tok_` + 43 characters): recognisable anywhere, even when nobody told us the
  // value. The 8-character prefix key listings show stays readable.
  { pattern: /\btok_[A-Za-z0-9_-]{12,}/g, replacement: REDACTED },
  // user:password@ in connection strings (DATABASE_URL, REDIS_URL) and URLs.
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]*:)[^@/?#\s]+@/gi, replacement: `$1${REDACTED}@` },
  // Credentials in query strings and key=value text.
  {
    pattern:
      /\b((?:access_token|refresh_token|id_token|token|api_key|apikey|api-key|password|passwd|secret|client_secret)=)[^&\s#"']+/gi,
    replacement: `$1${REDACTED}`,
  },
];

/** One cheap test that rules out most log messages: every pattern above needs one of these. */
const MIGHT_HOLD_A_SECRET = /bearer|basic|tok_|@|=/i;

/**
 * Replaces credentials in `text`: bearer/basic tokens, `tok_…` API keys, passwords in URLs and
 * query strings, and every occurrence of the `known` secret values (by the engine's own scrubber:
 * plain, URL-encoded, escaped, base64; shorter than 4 characters left alone).
 */
export function redactSecrets(text: string, known: readonly string[] | SecretScrubber = []): string {
  const scrubber = Array.isArray(known)
    ? secretScrubber(
        known.filter((value) => typeof value === 'string'),
        REDACTED,
      )
    : (known as SecretScrubber);
  if (scrubber.forms.length === 0 && !MIGHT_HOLD_A_SECRET.test(text)) return text;
  let result = scrubber.scrub(text);
  for (const { pattern, replacement } of SECRET_PATTERNS) {
    result = result.replace(pattern, replacement);
  }
  return result;
}
