/**
 * PostgreSQL's jsonb refuses a NUL character and lone surrogates, in values and in keys. Requests
 * are refused at the edge for them; what the engine derives from documents it fetched or pages it
 * crawled may still hold them, and one such title must not fail the whole job's results.
 */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** JSON.stringify writes both as `\u` escapes: one pass over the text tells whether to walk. */
const ESCAPED = /\\u(?:0000|d[89a-f])/i;

/** `value` with every NUL and lone surrogate replaced by U+FFFD (the replacement character). */
export function storable<T>(value: T): T {
  if (value === undefined || !ESCAPED.test(JSON.stringify(value) ?? '')) return value;
  return replaced(value) as T;
}

function replaced(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\uFFFD');
  if (Array.isArray(value)) return value.map(replaced);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key.replace(UNSTORABLE, '\uFFFD'), replaced(child)]),
  );
}
