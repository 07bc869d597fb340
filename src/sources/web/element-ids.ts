// Stable, readable ids from what a user sees (`button-add-to-estimate`, `configure-vm`): the
// same page explored twice yields the same ids, so generated tests and models diff cleanly.

export function slug(text: string, maxLength = 48): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return base.slice(0, maxLength).replace(/-+$/, '');
}

/** The readable part of an id: its parts slugged and joined (`button-add-to-estimate`). */
export function idBase(...parts: string[]): string {
  return (
    parts
      .map((part) => slug(part))
      .filter(Boolean)
      .join('-') || 'item'
  );
}

/** Hands out ids unique within one scope, numbering repeats in order: `link-home`, `link-home-2`. */
export class IdAllocator {
  private readonly counts = new Map<string, number>();

  next(...parts: string[]): string {
    const base = idBase(...parts);
    const count = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  }
}

/** `base`, or `base-2`, `base-3`… when taken; taken from then on. */
export function freeId(base: string, taken: Set<string>): string {
  let id = base;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}-${suffix}`;
  taken.add(id);
  return id;
}

/** A page id from its path and query: `/` → `home`, `/configure/vm` → `configure-vm`. */
export function pageIdFor(url: URL): string {
  const path = decodeURIComponent(url.pathname).replace(/\/index\.html?$/, '/');
  const query = url.search ? `-${url.search.slice(1)}` : '';
  return slug(`${path}${query}`, 64) || 'home';
}
