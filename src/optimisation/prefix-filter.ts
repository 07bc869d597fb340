// Candidate pairs for a cosine threshold without comparing every pair (prefix filtering, as in
// "Scaling up all pairs similarity search", Bayardo et al., WWW 2007). Terms are put in one
// global order, rarest first; each unit vector indexes only its prefix: the shortest initial run
// whose remaining suffix has a norm below the threshold. Two vectors whose prefixes share no
// term cannot reach the threshold: the one whose prefix ends first has all its terms shared
// with the other in its suffix, so their dot product is at most that suffix's norm. Exact, and
// rare terms keep the posting lists short, so 10,000 manual cases of one bucket no longer cost
// 50 million comparisons.

type Vector = Map<string, number>;

/** Pairs `[a, b]` (a < b, ascending) of `members` whose cosine may be `minScore` or more. */
export function prefixFilterPairs(
  vectors: readonly (Vector | undefined)[],
  idf: ReadonlyMap<string, number>,
  members: readonly number[],
  minScore: number,
): [number, number][] {
  const sorted = [...members].sort((a, b) => a - b);
  const partners = candidatePartners(vectors, idf, sorted, sorted, minScore);
  return sorted.flatMap((member) =>
    (partners.get(member) ?? [])
      .filter((other) => other > member)
      .map((other): [number, number] => [member, other]),
  );
}

/**
 * For each of `left`, the documents of `right` (ascending) whose cosine with it may be
 * `minScore` or more: requirements × tests without scoring every pair.
 */
export function candidatePartners(
  vectors: readonly (Vector | undefined)[],
  idf: ReadonlyMap<string, number>,
  left: readonly number[],
  right: readonly number[],
  minScore: number,
): Map<number, number[]> {
  const ascending = [...right].sort((a, b) => a - b);
  if (minScore <= 0) return new Map(left.map((member) => [member, ascending]));
  // Higher IDF = rarer; ties by the term itself, so the order is total and deterministic.
  const rank = (term: string) => idf.get(term) ?? 0;
  const postings = new Map<string, number[]>();
  for (const member of ascending)
    for (const term of prefixOf(vectors[member], minScore, rank)) {
      const list = postings.get(term);
      if (list) list.push(member);
      else postings.set(term, [member]);
    }
  const partners = new Map<number, number[]>();
  for (const member of left) {
    const found = new Set<number>();
    for (const term of prefixOf(vectors[member], minScore, rank))
      for (const other of postings.get(term) ?? []) if (other !== member) found.add(other);
    partners.set(
      member,
      [...found].sort((a, b) => a - b),
    );
  }
  return partners;
}

function prefixOf(vector: Vector | undefined, minScore: number, rank: (term: string) => number): string[] {
  if (!vector) return [];
  const terms = [...vector.keys()].sort((a, b) => rank(b) - rank(a) || (a < b ? -1 : a > b ? 1 : 0));
  let suffix = 0;
  let end = terms.length;
  // Grow the suffix from the commonest term while its norm stays below the threshold.
  while (end > 0) {
    const weight = vector.get(terms[end - 1]!)!;
    if (Math.sqrt(suffix + weight * weight) >= minScore) break;
    suffix += weight * weight;
    end -= 1;
  }
  return terms.slice(0, end);
}
