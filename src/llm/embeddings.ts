import { createHash } from 'node:crypto';
import type { UsageSink } from '../core/model-client.ts';
import { ModelError } from '../core/model-errors.ts';
import type { ResponseCache } from '../core/response-cache.ts';
import type { PriceTable } from './price-table.ts';
import { usageRecord } from './usage-record.ts';

/** Texts per embeddings request: small enough for every provider's input limit, few round trips. */
export const EMBEDDING_BATCH = 64;
const TASK = 'embeddings';

export interface EmbeddingsOptions {
  provider: string;
  /** The embedding model (TESTOPS_LLM_EMBEDDING_MODEL): part of every cache key. */
  model: string;
  /** One request to the provider; its vectors are checked here before anyone uses them. */
  request: (values: string[]) => Promise<{ vectors: number[][]; inputTokens: number; latencyMs: number }>;
  cache?: ResponseCache | undefined;
  onUsage?: UsageSink | undefined;
  prices?: PriceTable;
  batchSize?: number;
}

/**
 * The provider's vectors for `texts`, in order: each distinct text is looked up in the response
 * cache (keyed by provider, embedding model and text), the rest are asked for in batches. A
 * provider answer that is not one finite, non-zero vector per text, all of one dimension, is a
 * `TESTOPS_LLM_OUTPUT_INVALID` — embeddings are model output, as untrusted as its text.
 */
export async function embedTexts(texts: readonly string[], options: EmbeddingsOptions): Promise<number[][]> {
  const distinct = [...new Set(texts)];
  const known = new Map<string, number[]>();
  for (const text of distinct) {
    const cached = await fromCache(options.cache, keyOf(options, text));
    if (cached) known.set(text, cached);
  }
  const missing = distinct.filter((text) => !known.has(text));
  const batchSize = options.batchSize ?? EMBEDDING_BATCH;
  // One record per batch the cache spared, so hit rates count calls as the chat cache does.
  for (let hits = distinct.length - missing.length; hits > 0; hits -= batchSize)
    options.onUsage?.(usageRecord(options, TASK, undefined, 'ok', options.prices));
  for (let start = 0; start < missing.length; start += batchSize) {
    const batch = missing.slice(start, start + batchSize);
    const vectors = await requestBatch(batch, options);
    for (const [index, text] of batch.entries()) {
      known.set(text, vectors[index]!);
      await toCache(options.cache, keyOf(options, text), vectors[index]!);
    }
  }
  const result = texts.map((text) => known.get(text)!);
  checkDimensions(result);
  return result;
}

async function requestBatch(batch: string[], options: EmbeddingsOptions): Promise<number[][]> {
  let answer: Awaited<ReturnType<EmbeddingsOptions['request']>>;
  try {
    answer = await options.request(batch);
    checkVectors(answer.vectors, batch.length);
  } catch (error) {
    options.onUsage?.(usageRecord(options, TASK, undefined, 'failed', options.prices));
    throw error;
  }
  options.onUsage?.(
    usageRecord(
      options,
      TASK,
      { inputTokens: answer.inputTokens, outputTokens: 0, cachedInputTokens: 0, latencyMs: answer.latencyMs },
      'ok',
      options.prices,
    ),
  );
  return answer.vectors;
}

function keyOf(options: EmbeddingsOptions, text: string): string {
  const hash = createHash('sha256').update(JSON.stringify([options.provider, options.model, text]));
  return `llm:v1:embed:${hash.digest('hex')}`;
}

function checkVectors(vectors: unknown, expected: number): asserts vectors is number[][] {
  const problem = !Array.isArray(vectors)
    ? 'no list of vectors'
    : vectors.length !== expected
      ? `${vectors.length} vectors for ${expected} texts`
      : vectors.findIndex((vector) => !isVector(vector)) >= 0
        ? `vector ${vectors.findIndex((vector) => !isVector(vector))} is not a non-zero list of finite numbers`
        : undefined;
  if (problem) throw invalid(problem);
}

function checkDimensions(vectors: number[][]): void {
  const dimensions = new Set(vectors.map((vector) => vector.length));
  if (dimensions.size > 1) throw invalid(`vectors of ${[...dimensions].join(', ')} dimensions in one answer`);
}

function isVector(vector: unknown): vector is number[] {
  return (
    Array.isArray(vector) &&
    vector.length > 0 &&
    vector.every((value) => typeof value === 'number' && Number.isFinite(value)) &&
    vector.some((value) => value !== 0)
  );
}

function invalid(problem: string): ModelError {
  return new ModelError('TESTOPS_LLM_OUTPUT_INVALID', `the embedding model answered ${problem}`, {
    where: 'POST /embeddings',
    expected: 'one non-zero vector of finite numbers per text, all of one dimension',
    hint: 'check TESTOPS_LLM_EMBEDDING_MODEL names an embedding model of your provider.',
  });
}

async function fromCache(cache: ResponseCache | undefined, key: string): Promise<number[] | undefined> {
  try {
    const text = await cache?.get(key);
    if (text === undefined) return undefined;
    const value: unknown = JSON.parse(text);
    // A damaged entry is a miss: the provider is asked again.
    return isVector(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

async function toCache(cache: ResponseCache | undefined, key: string, vector: number[]): Promise<void> {
  try {
    await cache?.set(key, JSON.stringify(vector));
  } catch {
    // A cache that fails costs a request next time, never this result.
  }
}
