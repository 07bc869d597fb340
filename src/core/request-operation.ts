import { escapeRegExp } from './plain-text.ts';

/**
 * The documented operation a recorded request was sent to, by method and path template: one
 * reading for the learning probe and for the verdicts, which both look at recorded exchanges.
 */
export function requestOperation<T extends { method: string; path: string }>(
  operations: readonly T[],
  method: string,
  url: string,
): T | undefined {
  const path = new URL(url).pathname;
  const matches = operations.filter(
    (operation) =>
      operation.method.toLowerCase() === method.toLowerCase() && templatePattern(operation.path).test(path),
  );
  // The most literal template wins: `/users/me` over `/users/{id}`.
  return matches.sort((a, b) => literalLength(b.path) - literalLength(a.path))[0];
}

/** `GET /users/{id}` → `{ method: 'GET', path: '/users/{id}' }`. */
export function splitOperationKey(key: string): { key: string; method: string; path: string } {
  const space = key.indexOf(' ');
  return { key, method: key.slice(0, space), path: key.slice(space + 1) };
}

/** The values a request put in its template's parameters: `/users/{id}` and `/api/users/7` → `{ id: '7' }`. */
export function pathParameterValues(template: string, url: string): Record<string, string> {
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const found = templatePattern(template, true).exec(new URL(url).pathname);
  if (!found) return {};
  return Object.fromEntries(names.map((name, index) => [name, safeDecode(found[index + 1] ?? '')]));
}

function templatePattern(template: string, capture = false): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map(escapeRegExp)
    .join(capture ? '([^/]+)' : '[^/]+');
  // Servers may live under a prefix the spec's paths leave out (`/api`).
  return new RegExp(`${escaped}/?$`);
}

function literalLength(template: string): number {
  return template.replace(/\{[^}]+\}/g, '').length;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
