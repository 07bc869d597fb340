import { escapePointerToken } from '../../core/json-pointer.ts';

/**
 * Bounds on a spec's shape. Every later step (conversion, `$ref` checks, value design, ajv) walks
 * the document recursively, so anything deeper is refused once, here, with a JSON pointer.
 */
export const MAX_DOCUMENT_DEPTH = 200;

/** `$ref` hops followed before giving up: real specs chain a handful; thousands are an attack. */
export const MAX_REF_CHAIN = 64;

/** JSON pointer of the first value nested deeper than `maxDepth`; undefined when none is. */
export function firstTooDeep(document: unknown, maxDepth = MAX_DOCUMENT_DEPTH): string | undefined {
  // Iterative on purpose: a recursive walk is what overflows on a 10,000-level document.
  const pending: { value: unknown; pointer: string; depth: number }[] = [
    { value: document, pointer: '#', depth: 0 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, pointer, depth } = next;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return abbreviatePointer(pointer);
    for (const [key, child] of Object.entries(value))
      pending.push({ value: child, pointer: `${pointer}/${escapePointerToken(key)}`, depth: depth + 1 });
  }
  return undefined;
}

/** A pointer 200 levels deep is unreadable: its first and last tokens say where it is. */
export function abbreviatePointer(pointer: string, keep = 8): string {
  const tokens = pointer.split('/');
  if (tokens.length <= keep * 2 + 1) return pointer;
  const skipped = tokens.length - keep * 2;
  return [...tokens.slice(0, keep), `…${skipped} levels…`, ...tokens.slice(-keep)].join('/');
}
