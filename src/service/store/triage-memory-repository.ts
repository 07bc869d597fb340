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
/** Rows per multi-row statement: well under PostgreSQL's 65,535 bind parameters. */
const BATCH = 500;

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
    for (const [id, cluster] of known) found.set(id, { cluster, distance: 0 });
    const unknown = queries.filter((query) => !known.has(query.id));
    const near = await this.embeddings.nearestEach(
      projectId,
      unknown.map((query) => ({ key: query.id, vector: query.vector })),
      REF_PREFIX,
    );
    const close = [...near].filter(([, neighbour]) => neighbour.distance <= maxDistance);
    const others = await this.#clusters(
      projectId,
      close.map(([, neighbour]) => neighbour.ref.slice(REF_PREFIX.length)),
    );
    for (const [id, neighbour] of close) {
      const other = others.get(neighbour.ref.slice(REF_PREFIX.length));
      if (other) found.set(id, { cluster: other, distance: neighbour.distance });
    }
    return found;
  }

  async remember(projectId: string, runId: string, sightings: MemorySighting[]): Promise<void> {
    const entries = memoryEntries(sightings);
    if (entries.length === 0) return;
    await ensureProject(this.db, projectId);
    // Embeddings are written for new clusters only (a remembered signature keeps its vector),
    // and first: a crash in between leaves a vector without its cluster, which search skips.
    const existing = await this.#existingIds(
      projectId,
      entries.map((entry) => entry.id),
    );
    await this.embeddings.upsertMany(
      projectId,
      entries
        .filter((entry) => entry.own && !existing.has(entry.id))
        .map((entry) => ({ ref: `${REF_PREFIX}${entry.id}`, vector: entry.vector, text: entry.signature })),
    );
    await this.db.transaction(async (tx) => {
      for (let start = 0; start < entries.length; start += BATCH) {
        const batch = entries.slice(start, start + BATCH);
        await tx
          .insert(triageClusters)
          .values(
            batch.map((entry) => ({
              projectId,
              id: entry.id,
              signature: entry.signature,
              title: entry.title,
              class: entry.class,
              decidedBy: entry.automatic,
            })),
          )
          .onConflictDoNothing();
        const inserted = await tx
          .insert(triageSightings)
          .values(
            batch.map((entry) => ({
              projectId,
              clusterId: entry.id,
              runId,
              class: entry.class,
              decidedBy: entry.decidedBy,
              failures: entry.failures,
            })),
          )
          .onConflictDoNothing()
          .returning({ clusterId: triageSightings.clusterId });
        const seen = new Set(inserted.map((row) => row.clusterId));
        const updates = batch.filter((entry) => seen.has(entry.id));
        if (updates.length === 0) continue;
        // One UPDATE for the batch; the latest automated decision is kept beside a correction,
        // and a class decided by a user's correction does not overwrite the automated one.
        const values = updates.map(
          (entry) =>
            sql`(${entry.id}, ${entry.title}, ${entry.class}, ${entry.automatic}, ${entry.corrected}::boolean)`,
        );
        await tx.execute(
          sql`update ${triageClusters} as c set
                count = c.count + 1, last_seen = now(), title = v.title,
                class = case when v.corrected then c.class else v.class end,
                decided_by = case when v.corrected then c.decided_by else v.decided_by end
              from (values ${sql.join(values, sql`, `)}) as v(id, title, class, decided_by, corrected)
              where c.project_id = ${projectId} and c.id = v.id`,
        );
      }
    });
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

  async #existingIds(projectId: string, ids: string[]): Promise<Set<string>> {
    const rows = await this.db
      .select({ id: triageClusters.id })
      .from(triageClusters)
      .where(and(eq(triageClusters.projectId, projectId), inArray(triageClusters.id, ids)));
    return new Set(rows.map((row) => row.id));
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

interface MemoryEntry {
  id: string;
  signature: string;
  title: string;
  class: FailureClass;
  decidedBy: DecidedBy;
  /** The decision recorded as the cluster's own: a user's class is kept apart, as the correction. */
  automatic: DecidedBy;
  corrected: boolean;
  failures: number;
  vector: number[];
  /** Remembered under its own id (not matched to another remembered signature). */
  own: boolean;
}

/** One entry per memory id: two clusters matched to one remembered cause are one sighting. */
function memoryEntries(sightings: MemorySighting[]): MemoryEntry[] {
  const entries = new Map<string, MemoryEntry>();
  for (const { cluster, vector } of sightings) {
    // A cluster matched by a near signature is the remembered root cause seen again.
    const id = cluster.recognised?.memoryId ?? cluster.id;
    const existing = entries.get(id);
    if (existing) {
      existing.failures += cluster.count;
      continue;
    }
    const corrected = cluster.decidedBy.startsWith('user:');
    entries.set(id, {
      id,
      signature: cluster.signature,
      title: cluster.title,
      class: cluster.class,
      decidedBy: cluster.decidedBy,
      automatic: corrected ? 'rules' : cluster.decidedBy,
      corrected,
      failures: cluster.count,
      vector,
      own: id === cluster.id,
    });
  }
  return [...entries.values()];
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
