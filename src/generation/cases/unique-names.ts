/**
 * Hands out names unique ignoring case: `base` itself, else `variant(base, n)` with the smallest
 * free n from 2. Each base remembers the last n it was given: names are never released, so
 * every smaller n is still taken, and 10,000 cases with one title cost 10,000 look-ups, not
 * 50 million. `variant` must lower-case to `variant(base.toLowerCase(), n)`, as suffixes do.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();
  private readonly lastSuffix = new Map<string, number>();

  constructor(private readonly variant: (base: string, n: number) => string) {}

  take(base: string): string {
    const key = base.toLowerCase();
    let candidate = base;
    let n = this.lastSuffix.get(key) ?? 1;
    while (this.taken.has(candidate.toLowerCase())) {
      n += 1;
      candidate = this.variant(base, n);
      this.lastSuffix.set(key, n);
    }
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
