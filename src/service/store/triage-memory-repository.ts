import { and, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type {
  DecidedBy,
  FailureClass,
  MemoryCluster,
  MemorySighting,
  TriageMemory,
} from '../../core/triage.ts';
import type { Database } from './database.ts';
import type { EmbeddingRepository } from './embedding-repository.ts';
import { ensureProject } from './project-repository.ts';
import { triageClusters, triageSightings } from './schema.ts';

const REF_PREFIX = 'triage:';
/** Sightings listed per cluster: the latest runs tell the story. */
const RUNS_SHOWN = 20;

type ClusterRow = typeof triageClusters.$inferSelect;

/**
 * The triage memory over the store: clusters and their sightings in two tables, the cluster's
 * embedding in the shared embeddings table (pgvector where present) for nearest-signature search.
 */
export class TriageMemoryRepository implements TriageMemory {
  constructor(
    private readonly db: Database,
    private readonly embeddings: EmbeddingRepository,
  ) {}

  async recall(
    projectId: string,
    queries: { id: string; vector: number[] }[],
    maxDistance: number,
  ): Promise<Map<string, { cluster: MemoryCluster; distance: number }>> {
    const found = new Map<string, { cluster: MemoryCluster; distance: number }>();
    if (queries.length === 0) return found;
    const known = await this.#clusters(
      projectId,
      queries.map((query) => query.id),
    );
    for (const query of queries) {
      const cluster = known.get(query.id);
      if (cluster) {
        found.set(query.id, { cluster, distance: 0 });
        continue;
      }
      const [nearest] = await this.embeddings.nearest(projectId, query.vector, 1, REF_PREFIX);
      if (!nearest || nearest.distance > maxDistance) continue;
      const other = await this.get(projectId, nearest.ref.slice(REF_PREFIX.length));
      if (other) found.set(query.id, { cluster: other, distance: nearest.distance });
    }
    return found;
  }

  async remember(projectId: string, runId: string, sightings: MemorySighting[]): Promise<void> {
    if (sightings.length === 0) return;
    await ensureProject(this.db, projectId);
    for (const { cluster, vector } of sightings) {
      // A cluster matched by a near signature is the remembered root cause seen again.
      const id = cluster.recognised?.memoryId ?? cluster.id;
      const decidedBy = cluster.decidedBy.startsWith('user:') ? 'rules' : cluster.decidedBy;
      await this.db.transaction(async (tx) => {
        await tx
          .insert(triageClusters)
          .values({
            projectId,
            id,
            signature: cluster.signature,
            title: cluster.title,
            class: cluster.class,
            decidedBy,
          })
          .onConflictDoNothing();
        const inserted = await tx
          .insert(triageSightings)
          .values({
            projectId,
            clusterId: id,
            runId,
            class: cluster.class,
            decidedBy: cluster.decidedBy,
            failures: cluster.count,
          })
          .onConflictDoNothing()
          .returning({ runId: triageSightings.runId });
        if (inserted.length === 0) return;
        // The latest automated decision is kept beside a correction, which stays until changed.
        await tx
          .update(triageClusters)
          .set({
            count: sql`${triageClusters.count} + 1`,
            lastSeen: sql`now()`,
            title: cluster.title,
            ...(cluster.decidedBy.startsWith('user:') ? {} : { class: cluster.class, decidedBy }),
          })
          .where(and(eq(triageClusters.projectId, projectId), eq(triageClusters.id, id)));
      });
      if (id === cluster.id)
        await this.embeddings.upsert(projectId, `${REF_PREFIX}${id}`, vector, cluster.signature);
    }
  }

  async correct(
    projectId: string,
    clusterId: string,
    correction: { class: FailureClass; by: string; note: string },
  ): Promise<MemoryCluster | undefined> {
    const updated = await this.db
      .update(triageClusters)
      .set({ correction: { ...correction, at: new Date().toISOString() } })
      .where(and(eq(triageClusters.projectId, projectId), eq(triageClusters.id, clusterId)))
      .returning({ id: triageClusters.id });
    return updated.length === 0 ? undefined : this.get(projectId, clusterId);
  }

  async get(projectId: string, clusterId: string): Promise<MemoryCluster | undefined> {
    return (await this.#clusters(projectId, [clusterId])).get(clusterId);
  }

  async list(
    projectId: string,
    filter: { text?: string; limit: number; offset: number },
  ): Promise<{ items: MemoryCluster[]; total: number }> {
    const pattern = filter.text ? `%${filter.text.replace(/[\\%_]/g, '\\$&')}%` : undefined;
    const where = and(
      eq(triageClusters.projectId, projectId),
      pattern
        ? or(ilike(triageClusters.title, pattern), ilike(triageClusters.signature, pattern))
        : undefined,
    );
    const [rows, [total]] = await Promise.all([
      this.db
        .select()
        .from(triageClusters)
        .where(where)
        .orderBy(desc(triageClusters.lastSeen), triageClusters.id)
        .limit(filter.limit)
        .offset(filter.offset),
      this.db.select({ value: count() }).from(triageClusters).where(where),
    ]);
    const runs = await this.#runs(
      projectId,
      rows.map((row) => row.id),
    );
    return { items: rows.map((row) => toCluster(row, runs.get(row.id) ?? [])), total: total?.value ?? 0 };
  }

  async nearest(
    projectId: string,
    vector: number[],
    limit: number,
  ): Promise<{ cluster: MemoryCluster; distance: number }[]> {
    const neighbours = await this.embeddings.nearest(projectId, vector, limit, REF_PREFIX);
    const clusters = await this.#clusters(
      projectId,
      neighbours.map((entry) => entry.ref.slice(REF_PREFIX.length)),
    );
    return neighbours.flatMap((entry) => {
      const cluster = clusters.get(entry.ref.slice(REF_PREFIX.length));
      return cluster ? [{ cluster, distance: entry.distance }] : [];
    });
  }

  async #clusters(projectId: string, ids: string[]): Promise<Map<string, MemoryCluster>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .select()
      .from(triageClusters)
      .where(and(eq(triageClusters.projectId, projectId), inArray(triageClusters.id, ids)));
    const runs = await this.#runs(
      projectId,
      rows.map((row) => row.id),
    );
    return new Map(rows.map((row) => [row.id, toCluster(row, runs.get(row.id) ?? [])]));
  }

  async #runs(projectId: string, ids: string[]): Promise<Map<string, MemoryCluster['runs']>> {
    const runs = new Map<string, MemoryCluster['runs']>();
    if (ids.length === 0) return runs;
    const rows = await this.db
      .select()
      .from(triageSightings)
      .where(and(eq(triageSightings.projectId, projectId), inArray(triageSightings.clusterId, ids)))
      .orderBy(desc(triageSightings.at), triageSightings.runId);
    for (const row of rows) {
      const list = runs.get(row.clusterId) ?? [];
      if (list.length >= RUNS_SHOWN) continue;
      list.push({
        runId: row.runId,
        at: row.at.toISOString(),
        class: row.class as FailureClass,
        decidedBy: row.decidedBy as DecidedBy,
        failures: row.failures,
      });
      runs.set(row.clusterId, list);
    }
    return runs;
  }
}

function toCluster(row: ClusterRow, runs: MemoryCluster['runs']): MemoryCluster {
  return {
    id: row.id,
    signature: row.signature,
    title: row.title,
    class: row.class as FailureClass,
    decidedBy: row.decidedBy as DecidedBy,
    correction: row.correction
      ? { ...row.correction, class: row.correction.class as FailureClass }
      : undefined,
    firstSeen: row.firstSeen.toISOString(),
    lastSeen: row.lastSeen.toISOString(),
    count: row.count,
    runs,
  };
}
