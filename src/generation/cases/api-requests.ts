import type { ApiOperation } from '../../core/api-model.ts';

// How a case writes a request: method, path with its ids filled in, query string and a
// compact JSON body, e.g. `POST /api/v1/disks with body {"name": "qa-disk-1", "size": 1}`.

export interface RequestParts {
  /** Path parameter → value (a variable such as `$DISK_ID` or a literal). */
  path: Record<string, string>;
  query: Record<string, unknown>;
  /** `undefined`: no body is sent. */
  body: unknown;
}

export function requestLine(operation: ApiOperation, parts: RequestParts): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (whole, name: string) => parts.path[name] ?? whole);
  const query = Object.entries(parts.query)
    .map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('&');
  const body = parts.body === undefined ? '' : ` with body ${renderJson(parts.body)}`;
  return `Send ${operation.method.toUpperCase()} ${path}${query ? `?${query}` : ''}${body}`;
}

/** JSON with a space after `:` and `,`, on one line: readable inside a step. */
export function renderJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(renderJson).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${renderJson(item)}`)
      .join(', ')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** A copy of a body with one top-level field set (or removed with `undefined`); arrays edit their first item. */
export function withField(body: unknown, field: string, value: unknown): unknown {
  if (Array.isArray(body)) return [withField(body[0] ?? {}, field, value), ...body.slice(1)];
  const copy = { ...((body as Record<string, unknown> | undefined) ?? {}) };
  if (value === undefined) delete copy[field];
  else copy[field] = value;
  return copy;
}

/** The value of a top-level field (of the first item for array bodies). */
export function fieldOf(body: unknown, field: string): unknown {
  const object = Array.isArray(body) ? body[0] : body;
  return object !== null && typeof object === 'object'
    ? (object as Record<string, unknown>)[field]
    : undefined;
}

/** A UUIDv4 that names nothing: well-formed, so only existence is tested. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
