/**
 * How alike two texts are, 0 (nothing shared) to 1 (the same). A port: TF-IDF cosine is the
 * deterministic default; the provider's embeddings (given by the pipeline) implement it too.
 */
export interface Similarity {
  readonly name: string;
  /**
   * Where this measure draws its lines, when they differ from TF-IDF's: an embedding model
   * scores unrelated texts far above zero, so its thresholds are its own.
   */
  readonly thresholds?: Partial<SimilarityThresholds>;
  /**
   * Learns the corpus (term weights, or embeddings) and returns a scorer between its documents
   * by index. Asynchronous so an implementation may call a model.
   */
  fit(documents: readonly string[]): Promise<SimilarityScorer> | SimilarityScorer;
}

export interface SimilarityThresholds {
  /** From which two tests are near duplicates. */
  nearDuplicate: number;
  /** From which an automated test is a manual case's twin. */
  twin: number;
  /** From which a test's text covers a requirement it does not name. */
  requirement: number;
}

export type SimilarityScorer = ((a: number, b: number) => number) & {
  /**
   * Optional: the pairs among `members` that may score `minScore` or more, every such pair
   * included, in ascending order. Without it, callers compare every pair. May be answered by
   * a database (the embeddings' vector index), hence a promise.
   */
  candidates?: (
    members: readonly number[],
    minScore: number,
  ) => [number, number][] | Promise<[number, number][]>;
  /**
   * Optional: for each of `left` (every one a key), the documents of `right` (ascending) that
   * may score `minScore` or more.
   */
  partners?: (
    left: readonly number[],
    right: readonly number[],
    minScore: number,
  ) => Map<number, number[]> | Promise<Map<number, number[]>>;
};

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(
    ' ',
  ),
);

/** Lower-case word stems: plurals and -ing/-ed folded, so "attaching disks" meets "attach a disk". */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((word) => !STOP_WORDS.has(word))
    .map(stem);
}

export function stem(word: string): string {
  if (/^\d+$/.test(word)) return word;
  // Short plurals are mostly acronyms and ids: vms, ids, ips.
  if (word.length <= 3) return word.length === 3 && /[^aeiosu]s$/.test(word) ? word.slice(0, 2) : word;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('es') && /(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Jaccard index of two sets: shared / all. Two empty sets are alike. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}
