let last = 0;

/**
 * Now, or one millisecond after the last time this process handed out: rows made one after
 * another keep their order in lists sorted by creation time. PGlite's clock has millisecond
 * resolution, so two rows made in the same millisecond by `now()` tied, and the tie-break by a
 * random id listed them in either order.
 */
export function creationTime(): Date {
  const now = Date.now();
  last = now > last ? now : last + 1;
  return new Date(last);
}
