/** RFC 6901 JSON pointers, used to say where in a document a problem is. */
export function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

export function pointerOf(...tokens: (string | number)[]): string {
  return '#/' + tokens.map((token) => escapePointerToken(String(token))).join('/');
}

/** Resolves a local pointer (`#/components/schemas/Vm`) against a document; undefined when absent. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#')) return undefined;
  const path = pointer.slice(1);
  if (path === '' || path === '/') return document;
  let current: unknown = document;
  for (const raw of path.slice(1).split('/')) {
    const token = unescapePointerToken(decodeURIComponent(raw));
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}
