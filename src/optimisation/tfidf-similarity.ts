import { candidatePartners, prefixFilterPairs } from './prefix-filter.ts';
import { words, type Similarity, type SimilarityScorer } from './similarity.ts';

type Vector = Map<string, number>;

/**
 * Cosine similarity of TF-IDF vectors (sublinear term frequency, smoothed IDF, unit length).
 * Deterministic and offline: words every document of the corpus uses weigh little, rare
 * shared words a lot.
 */
export class TfIdfSimilarity implements Similarity {
  readonly name = 'tf-idf cosine';

  fit(documents: readonly string[]): SimilarityScorer {
    const terms = documents.map(termCounts);
    const idf = inverseDocumentFrequency(terms);
    const vectors = terms.map((counts) => unitVector(counts, idf));
    const scorer: SimilarityScorer = (a, b) => cosine(vectors[a], vectors[b]);
    scorer.candidates = (members, minScore) => prefixFilterPairs(vectors, idf, members, minScore);
    scorer.partners = (left, right, minScore) => candidatePartners(vectors, idf, left, right, minScore);
    return scorer;
  }
}

function termCounts(document: string): Vector {
  const counts: Vector = new Map();
  for (const word of words(document)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function inverseDocumentFrequency(documents: Vector[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const counts of documents)
    for (const term of counts.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const total = documents.length;
  return new Map([...frequency].map(([term, count]) => [term, Math.log((1 + total) / (1 + count)) + 1]));
}

function unitVector(counts: Vector, idf: Map<string, number>): Vector {
  const vector: Vector = new Map();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * (idf.get(term) ?? 1);
    vector.set(term, weight);
    norm += weight * weight;
  }
  const length = Math.sqrt(norm) || 1;
  for (const [term, weight] of vector) vector.set(term, weight / length);
  return vector;
}

function cosine(a: Vector | undefined, b: Vector | undefined): number {
  if (!a || !b || a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return Math.min(1, Math.max(0, dot));
}
