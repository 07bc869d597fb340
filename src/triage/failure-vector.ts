/** Dimensions of the offline vector: enough to keep unrelated signatures apart, small to store. */
export const HASHED_DIMENSIONS = 256;

/**
 * A deterministic embedding of a signature for nearest-signature search without a model: word
 * unigrams and bigrams hashed into a fixed number of signed buckets (the hashing trick), scaled
 * to unit length. Close wordings land close; it needs no vocabulary and works offline.
 */
export function hashedVector(text: string): number[] {
  const vector = new Array<number>(HASHED_DIMENSIONS).fill(0);
  const words = text.toLowerCase().match(/[a-z_]+|<[a-z]+>/g) ?? [];
  const features = [...words, ...words.slice(1).map((word, index) => `${words[index]} ${word}`)];
  for (const feature of features) {
    const hash = fnv1a(feature);
    vector[hash % HASHED_DIMENSIONS]! += hash & 0x80000000 ? -1 : 1;
  }
  const length = Math.hypot(...vector);
  // An empty signature still needs a direction: the store refuses zero vectors.
  if (length === 0) return vector.map((_, index) => (index === 0 ? 1 : 0));
  return vector.map((value) => value / length);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
