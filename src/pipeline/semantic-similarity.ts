import type { OptimisationReport } from '../core/existing-test.ts';
import { EmbeddingSimilarity } from '../optimisation/embedding-similarity.ts';
import { optimiseTests, type OptimisationInput } from '../optimisation/optimise-tests.ts';
import { capabilityReport, type ModelRun } from './model-run.ts';

export const SEMANTIC_DUPLICATES = 'semantic duplicates';

/**
 * The optimiser, with the provider's embeddings as its similarity when the model has an
 * embedding model. Embeddings that fail (provider down, breaker open, vectors that are not
 * vectors) leave the TF-IDF result — the same report as `--llm off` — and the model section
 * says "model unavailable — deterministic result".
 */
export async function analyseWithModel(
  input: Omit<OptimisationInput, 'similarity'>,
  run: ModelRun,
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
    const report = await optimiseTests({ ...input, similarity: new EmbeddingSimilarity(embed, model) });
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
