import type { VectorIndex } from '../../core/vector-index.ts';
import type { EmbeddingStore } from './stores.ts';

/** A project's entries of the embedding store, as the optimiser's `VectorIndex` port. */
export function projectVectorIndex(store: EmbeddingStore, projectId: string): VectorIndex {
  return {
    vectors: (refs) => store.vectors(projectId, refs),
    put: (entries) => store.upsertMany(projectId, entries),
    neighbours: (queries, among, minSimilarity) => store.neighbours(projectId, queries, among, minSimilarity),
  };
}
