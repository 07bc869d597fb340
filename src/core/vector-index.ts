/** A text's embedding kept under a ref its owner chose (the optimiser's are content-addressed). */
export interface VectorEntry {
  ref: string;
  vector: number[];
  text: string;
}

/**
 * One project's stored embeddings: a memory (a text embedded once is read back, not sent to the
 * provider again) and a search by cosine similarity. The service keeps them in its database,
 * compared by pgvector where the extension exists. Vectors of another dimension never match:
 * they come from another embedding model.
 */
export interface VectorIndex {
  /** The stored vectors of these refs; a ref not stored is absent from the map. */
  vectors(refs: readonly string[]): Promise<Map<string, number[]>>;
  /** Stores (or replaces) many entries at once. */
  put(entries: readonly VectorEntry[]): Promise<void>;
  /**
   * For each of `queries`, every other ref of `among` whose cosine similarity reaches
   * `minSimilarity` (no bound per query: the search is exact, never approximate), ascending.
   * A query with none is absent.
   */
  neighbours(
    queries: readonly string[],
    among: readonly string[],
    minSimilarity: number,
  ): Promise<Map<string, string[]>>;
}
