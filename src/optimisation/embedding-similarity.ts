import { createHash } from 'node:crypto';
import type { VectorIndex } from '../core/vector-index.ts';
import type { Similarity, SimilarityScorer, SimilarityThresholds } from './similarity.ts';

/** The texts' vectors, one per text in order; the pipeline gives the provider's (batched and cached). */
export type Embed = (texts: string[]) => Promise<number[][]>;

/**
 * Embedding cosines of paraphrases sit near 1 and those of unrelated test texts well above 0,
 * so the lines are drawn higher than TF-IDF's.
 */
export const EMBEDDING_THRESHOLDS: SimilarityThresholds = { nearDuplicate: 0.9, twin: 0.8, requirement: 0.7 };

/** Below the scorer's own cosine: the database compares float32 vectors, in its own order. */
const SEARCH_MARGIN = 1e-4;

export interface EmbeddingSimilarityOptions {
  thresholds?: Partial<SimilarityThresholds>;
  /**
   * The project's stored embeddings: vectors found there are not asked for again, new ones are
   * stored, and candidate pairs are searched there. An index that fails leaves the in-memory
   * comparison for the rest of the run, after `onIndexFailure`.
   */
  index?: VectorIndex;
  onIndexFailure?: (error: unknown) => void;
}

/**
 * Cosine of embeddings: finds reworded copies TF-IDF misses ("Log in with a valid password" and
 * "Authenticate using correct credentials" share no word). A failing `embed` rejects `fit`; the
 * pipeline then runs the optimiser again with TF-IDF.
 */
export class EmbeddingSimilarity implements Similarity {
  readonly name: string;
  readonly thresholds: SimilarityThresholds;
  #index: VectorIndex | undefined;

  constructor(
    private readonly embed: Embed,
    private readonly model: string,
    private readonly options: EmbeddingSimilarityOptions = {},
  ) {
    this.name = `embedding cosine (${model})`;
    this.thresholds = { ...EMBEDDING_THRESHOLDS, ...options.thresholds };
    this.#index = options.index;
  }

  async fit(documents: readonly string[]): Promise<SimilarityScorer> {
    if (documents.length === 0) return () => 0;
    const refs = documents.map((text) => embeddingRef(this.model, text));
    const byRef = await this.#vectors(documents, refs);
    // Rounded as the store keeps them (float32), so a run from stored vectors scores alike.
    const units = refs.map((ref) => unit(byRef.get(ref)!));
    const scorer: SimilarityScorer = (a, b) => cosine(units[a], units[b]);
    if (!this.#index) return scorer;
    scorer.candidates = (members, minScore) =>
      this.#searched(refs, members, members, minScore, (found) => pairsOf(members, found));
    scorer.partners = (left, right, minScore) =>
      this.#searched(refs, left, right, minScore, (found) => found);
    return scorer;
  }

  /** Each distinct text's vector: the index's first, the provider's for the rest (then stored). */
  async #vectors(documents: readonly string[], refs: string[]): Promise<Map<string, number[]>> {
    const byRef = (await this.#fromIndex((index) => index.vectors(refs))) ?? new Map<string, number[]>();
    const missing = new Map<string, string>();
    refs.forEach((ref, position) => {
      if (!byRef.has(ref)) missing.set(ref, documents[position]!);
    });
    const texts = [...missing.values()];
    const vectors = texts.length === 0 ? [] : await this.embed(texts);
    if (vectors.length !== texts.length)
      throw new Error(`${vectors.length} embeddings for ${texts.length} texts`);
    const entries = [...missing.keys()].map((ref, position) => ({
      ref,
      vector: vectors[position]!,
      text: texts[position]!,
    }));
    for (const entry of entries) byRef.set(entry.ref, entry.vector);
    if (entries.length > 0) await this.#fromIndex((index) => index.put(entries));
    return byRef;
  }

  /**
   * For each of `left`, the documents of `right` (ascending) the index finds at `minScore` or
   * more; documents of one text are always partners (cosine 1). Every pair when the index fails.
   */
  async #searched<T>(
    refs: string[],
    left: readonly number[],
    right: readonly number[],
    minScore: number,
    shape: (found: Map<number, number[]>) => T,
  ): Promise<T> {
    const everyPair = () =>
      new Map(left.map((member) => [member, right.filter((other) => other !== member)]));
    if (minScore <= 0) return shape(everyPair());
    const found = await this.#fromIndex((index) =>
      index.neighbours(
        left.map((member) => refs[member]!),
        right.map((member) => refs[member]!),
        minScore - SEARCH_MARGIN,
      ),
    );
    if (!found) return shape(everyPair());
    const documentsOf = new Map<string, number[]>();
    for (const member of right) {
      const list = documentsOf.get(refs[member]!);
      if (list) list.push(member);
      else documentsOf.set(refs[member]!, [member]);
    }
    return shape(
      new Map(
        left.map((member) => {
          const ref = refs[member]!;
          const near = [ref, ...(found.get(ref) ?? [])].flatMap((other) => documentsOf.get(other) ?? []);
          return [member, [...new Set(near)].filter((other) => other !== member).sort((a, b) => a - b)];
        }),
      ),
    );
  }

  async #fromIndex<T>(work: (index: VectorIndex) => Promise<T>): Promise<T | undefined> {
    const index = this.#index;
    if (!index) return undefined;
    try {
      return await work(index);
    } catch (error) {
      this.#index = undefined;
      this.options.onIndexFailure?.(error);
      return undefined;
    }
  }
}

/**
 * Content-addressed: the same text under the same embedding model has the same ref in every
 * run of a project, so its stored vector is reused instead of asking the provider again.
 */
export function embeddingRef(model: string, text: string): string {
  return `optimize:${createHash('sha256')
    .update(JSON.stringify([model, text]))
    .digest('hex')}`;
}

/** The pairs (i < j, ascending) of a partner map over one set of members. */
function pairsOf(members: readonly number[], partners: Map<number, number[]>): [number, number][] {
  return [...members]
    .sort((a, b) => a - b)
    .flatMap((member) =>
      (partners.get(member) ?? [])
        .filter((other) => other > member)
        .map((other): [number, number] => [member, other]),
    );
}

function unit(vector: number[]): Float64Array {
  const rounded = vector.map(Math.fround);
  const length = Math.sqrt(rounded.reduce((sum, value) => sum + value * value, 0)) || 1;
  return Float64Array.from(rounded, (value) => value / length);
}

function cosine(a: Float64Array | undefined, b: Float64Array | undefined): number {
  if (!a || !b || a.length !== b.length) return 0;
  let dot = 0;
  for (let index = 0; index < a.length; index++) dot += a[index]! * b[index]!;
  return Math.min(1, Math.max(0, dot));
}
