import type { ModelClient } from '../core/model-client.ts';
import type { TriageCluster, TriageMemory, TriageModelNote, TriageResult } from '../core/triage.ts';
import { clusterFailures } from './cluster-failures.ts';
import { hashedVector } from './failure-vector.ts';
import { readFailures, type RunDocument } from './read-failures.ts';
import { recognise } from './recognise.ts';
import { refineWithModel } from './refine-with-model.ts';

/** Distance under which another remembered signature counts as the same root cause. */
export const NEAREST_MATCH_DISTANCE = 0.1;

export interface TriageRunOptions {
  document: RunDocument;
  projectId: string;
  memory: TriageMemory | undefined;
  /** The model when there is one; `modelNote` says why not otherwise. */
  model: ModelClient | undefined;
  modelNote: TriageModelNote;
  /** The provider's embeddings when a model is configured with one; hashed vectors otherwise. */
  embed: ((texts: string[]) => Promise<number[][]>) | undefined;
}

/**
 * Triage of one run: read its failures, classify and cluster them by the rules, let the model
 * refine, recognise what the project's memory holds (a user's correction wins), and remember
 * this run's clusters.
 */
export async function triageRun(options: TriageRunOptions): Promise<TriageResult> {
  const read = readFailures(options.document);
  let clusters = clusterFailures(read.failures);
  let modelNote = options.modelNote;
  if (options.model && clusters.length > 0) {
    const refined = await refineWithModel(clusters, options.model);
    clusters = refined.clusters;
    modelNote = refined.note;
  }
  const { vectors, kind } = await vectorsOf(clusters, options.embed);
  if (options.memory) {
    const known = await options.memory.recall(
      options.projectId,
      clusters.map((cluster, index) => ({ id: cluster.id, vector: vectors[index]! })),
      NEAREST_MATCH_DISTANCE,
    );
    clusters = clusters.map((cluster) => {
      const match = known.get(cluster.id);
      return match ? recognise(cluster, match) : cluster;
    });
    await options.memory.remember(
      options.projectId,
      read.runId,
      clusters.map((cluster, index) => ({ cluster, vector: vectors[index]! })),
    );
  }
  return {
    version: 1,
    format: read.format,
    source: options.document.name,
    runId: read.runId,
    project: options.projectId,
    failures: read.failures.length,
    clusters: clusters.sort(byWeight),
    problems: read.problems,
    model: modelNote,
    embedding: kind,
  };
}

async function vectorsOf(
  clusters: TriageCluster[],
  embed: TriageRunOptions['embed'],
): Promise<{ vectors: number[][]; kind: 'provider' | 'hashed' }> {
  const texts = clusters.map((cluster) => cluster.signature);
  if (embed && texts.length > 0) {
    const vectors = await embed(texts).catch(() => undefined);
    if (vectors?.length === texts.length) return { vectors, kind: 'provider' };
  }
  return { vectors: texts.map(hashedVector), kind: 'hashed' };
}

// Most failures first; then product defects before the rest: they need someone to act.
const CLASS_ORDER = ['product-defect', 'test-defect', 'environment', 'flaky'];
function byWeight(a: TriageCluster, b: TriageCluster): number {
  return b.count - a.count || CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class);
}
