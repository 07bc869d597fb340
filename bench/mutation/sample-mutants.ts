// A fixed-seed sample of mutants, so two runs (or two engine versions) face the same mutants.
import type { Mutant } from './instrument-module.ts';

// mulberry32: small, fast and good enough to pick a sample; the seed makes it repeatable.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleMutants(mutants: Mutant[], size: number, seed: number): Mutant[] {
  if (size >= mutants.length) return [...mutants];
  const next = random(seed);
  const pool = [...mutants];
  // Partial Fisher–Yates: the first `size` entries end up a uniform sample.
  for (let index = 0; index < size; index += 1) {
    const pick = index + Math.floor(next() * (pool.length - index));
    [pool[index], pool[pick]] = [pool[pick]!, pool[index]!];
  }
  return pool.slice(0, size).sort((a, b) => Number(a.id) - Number(b.id));
}
