import type { Similarity, SimilarityScorer, SimilarityThresholds } from './similarity.ts';

/** The texts' vectors, one per text in order; the pipeline gives the provider's (batched and cached). */
export type Embed = (texts: string[]) => Promise<number[][]>;

/**
 * Embedding cosines of paraphrases sit near 1 and those of unrelated test texts well above 0,
 * so the lines are drawn higher than TF-IDF's.
 */
export const EMBEDDING_THRESHOLDS: SimilarityThresholds = { nearDuplicate: 0.9, twin: 0.8, requirement: 0.7 };

/**
 * Cosine of embeddings: finds reworded copies TF-IDF misses ("Log in with a valid password" and
 * "Authenticate using correct credentials" share no word). A failing `embed` rejects `fit`; the
 * pipeline then runs the optimiser again with TF-IDF.
 */
export class EmbeddingSimilarity implements Similarity {
  readonly name: string;
  readonly thresholds: SimilarityThresholds;

  constructor(
    private readonly embed: Embed,
    model: string,
    thresholds: Partial<SimilarityThresholds> = {},
  ) {
    this.name = `embedding cosine (${model})`;
    this.thresholds = { ...EMBEDDING_THRESHOLDS, ...thresholds };
  }

  async fit(documents: readonly string[]): Promise<SimilarityScorer> {
    const vectors = documents.length === 0 ? [] : await this.embed([...documents]);
    if (vectors.length !== documents.length)
      throw new Error(`${vectors.length} embeddings for ${documents.length} texts`);
    const units = vectors.map(unit);
    return (a, b) => cosine(units[a], units[b]);
  }
}

function unit(vector: number[]): Float64Array {
  const length = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return Float64Array.from(vector, (value) => value / length);
}

function cosine(a: Float64Array | undefined, b: Float64Array | undefined): number {
  if (!a || !b || a.length !== b.length) return 0;
  let dot = 0;
  for (let index = 0; index < a.length; index++) dot += a[index]! * b[index]!;
  return Math.min(1, Math.max(0, dot));
}
