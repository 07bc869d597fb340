import { describeError } from '../core/errors.ts';
import type { OptimisationReport } from '../core/existing-test.ts';
import type { ModelAssistReport } from '../core/model-client.ts';
import type { VectorIndex } from '../core/vector-index.ts';
import { EmbeddingSimilarity } from '../optimisation/embedding-similarity.ts';
import { optimiseTests, type OptimisationInput } from '../optimisation/optimise-tests.ts';
import { capabilityReport, type ModelRun } from './model-run.ts';

export const SEMANTIC_DUPLICATES = 'semantic duplicates';
export const EMBEDDING_STORE = 'embedding store';

/**
 * The optimiser, with the provider's embeddings as its similarity when the model has an
 * embedding model. Embeddings that fail (provider down, breaker open, vectors that are not
 * vectors) leave the TF-IDF result — the same report as `--llm off` — and the model section
 * says "model unavailable — deterministic result". With the project's `index` (the service's
 * stored embeddings) texts embedded by an earlier run are not sent again and pairs are searched
 * in the database; an index that fails leaves the in-memory comparison, said in the fallbacks.
 */
export async function analyseWithModel(
  input: Omit<OptimisationInput, 'similarity'>,
  run: ModelRun,
  index?: VectorIndex,
): Promise<OptimisationReport> {
  const client = run.access.client;
  if (!client?.embed) return optimiseTests(input);
  let failure: unknown;
  const embed = async (texts: string[]) => {
    try {
      return await client.embed!(texts);
    } catch (error) {
      failure ??= error;
      throw error;
    }
  };
  const model = client.embeddingModel ?? client.model;
  const outcome = { proposed: 0, rejected: 0, repaired: 0, batches: 1 };
  try {
    const similarity = new EmbeddingSimilarity(embed, model, {
      ...(index ? { index, onIndexFailure: (error) => run.record(storeFallback(error)) } : {}),
    });
    const report = await optimiseTests({ ...input, similarity });
    const twins = report.twins?.pairs.length ?? 0;
    run.record(
      capabilityReport(
        SEMANTIC_DUPLICATES,
        model,
        { ...outcome, delivered: report.duplicates.near.length + twins, failedBatches: 0, error: undefined },
        `embeddings: ${report.duplicates.near.length} near-duplicate pair(s), ${twins} manual case(s) with an automated twin`,
      ),
    );
    return report;
  } catch (error) {
    if (failure === undefined) throw error;
    run.record(
      capabilityReport(
        SEMANTIC_DUPLICATES,
        model,
        { ...outcome, delivered: 0, failedBatches: 1, error: failure },
        '',
      ),
    );
    return optimiseTests(input);
  }
}

/** The model was used; only the stored embeddings were not (the pairs were compared in memory). */
function storeFallback(error: unknown): ModelAssistReport {
  return {
    capability: EMBEDDING_STORE,
    status: 'partial',
    message: `the project's stored embeddings failed (${describeError(error).split('\n')[0]}) — vectors compared in memory`,
    proposed: 0,
    rejected: 0,
    duplicates: 0,
    delivered: 0,
    repaired: 0,
    failedBatches: 1,
  };
}
