import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { TestopsError } from '../../core/errors.ts';
import type { EmbeddingStore } from './stores.ts';
import type { VectorEntry } from '../../core/vector-index.ts';
import { queryRows, type Database } from './database.ts';
import { ensureProject } from './project-repository.ts';
import { embeddings } from './schema.ts';

type Neighbour = { ref: string; text: string; distance: number };

/** Rows read per round trip when distances are computed here rather than by pgvector. */
const SCAN_BATCH = 500;
/** Rows per multi-row statement: well under PostgreSQL's 65,535 bind parameters. */
const UPSERT_BATCH = 500;
/** Refs per side of one pair search: 2 × this many bind parameters. */
const PAIR_BATCH = 5_000;

/**
 * Embeddings with cosine distance (1 − cosine similarity; 0 is the same direction, 2 the
 * opposite), the usual measure for text embeddings. With pgvector the database orders by `<=>`;
 * without it the application scans the project's vectors of the same dimension in batches,
 * keeping only the best `limit`. Vectors of another dimension never match: they come from
 * another embedding model.
 */
export class EmbeddingRepository implements EmbeddingStore {
  constructor(
    private readonly db: Database,
    private readonly vector: boolean,
    private readonly scanBatch = SCAN_BATCH,
  ) {}

  async upsert(projectId: string, ref: string, vector: number[], text: string): Promise<void> {
    checkVector(vector, 'vector');
    await ensureProject(this.db, projectId);
    const array = `{${vector.join(',')}}`;
    const withVector = this.vector
      ? { column: sql`, embedding_vector`, value: sql`, ${`[${vector.join(',')}]`}::vector` }
      : { column: sql``, value: sql`` };
    await this.db.execute(
      sql`insert into ${embeddings} (project_id, ref, text, embedding, dimensions${withVector.column})
          values (${projectId}, ${ref}, ${text}, ${array}::real[], ${vector.length}${withVector.value})
          on conflict (project_id, ref) do update set
            text = excluded.text, embedding = excluded.embedding, dimensions = excluded.dimensions,
            ${this.vector ? sql`embedding_vector = excluded.embedding_vector,` : sql``} updated_at = now()`,
    );
  }

  /** Many refs in one statement (triage remembers a run's clusters at once). */
  async upsertMany(projectId: string, entries: readonly VectorEntry[]): Promise<void> {
    if (entries.length === 0) return;
    for (const entry of entries) checkVector(entry.vector, `vector of ${entry.ref}`);
    await ensureProject(this.db, projectId);
    for (let start = 0; start < entries.length; start += UPSERT_BATCH) {
      const rows = entries
        .slice(start, start + UPSERT_BATCH)
        .map(
          (entry) =>
            sql`(${projectId}, ${entry.ref}, ${entry.text}, ${`{${entry.vector.join(',')}}`}::real[], ${entry.vector.length}${
              this.vector ? sql`, ${`[${entry.vector.join(',')}]`}::vector` : sql``
            })`,
        );
      await this.db.execute(
        sql`insert into ${embeddings} (project_id, ref, text, embedding, dimensions${this.vector ? sql`, embedding_vector` : sql``})
            values ${sql.join(rows, sql`, `)}
            on conflict (project_id, ref) do update set
              text = excluded.text, embedding = excluded.embedding, dimensions = excluded.dimensions,
              ${this.vector ? sql`embedding_vector = excluded.embedding_vector,` : sql``} updated_at = now()`,
      );
    }
  }

  /**
   * The nearest entry for each of many query vectors (of one dimension), in one pass: a lateral
   * join where pgvector exists, one scan of the project's vectors otherwise.
   */
  async nearestEach(
    projectId: string,
    queries: { key: string; vector: number[] }[],
    refPrefix = '',
  ): Promise<Map<string, Neighbour>> {
    for (const query of queries) checkVector(query.vector, `query vector ${query.key}`);
    const found = new Map<string, Neighbour>();
    if (!this.vector) {
      await this.#scanEach(projectId, queries, refPrefix, found);
      return found;
    }
    for (let start = 0; start < queries.length; start += UPSERT_BATCH) {
      const batch = queries.slice(start, start + UPSERT_BATCH);
      const values = batch.map(
        (query) => sql`(${query.key}, ${`[${query.vector.join(',')}]`}::vector, ${query.vector.length}::int)`,
      );
      const rows = await queryRows<{ key: string; ref: string; text: string; distance: number | string }>(
        this.db,
        sql`select q.key, best.ref, best.text, best.distance
            from (values ${sql.join(values, sql`, `)}) as q(key, v, dims)
            cross join lateral (
              select ref, text, coalesce(embedding_vector, embedding::vector) <=> q.v as distance
              from ${embeddings}
              where project_id = ${projectId} and dimensions = q.dims and starts_with(ref, ${refPrefix})
              order by 3, ref
              limit 1
            ) as best`,
      );
      for (const row of rows)
        found.set(row.key, { ref: row.ref, text: row.text, distance: Number(row.distance) });
    }
    return found;
  }

  /** The stored vectors of these refs (absent when not stored). */
  async vectors(projectId: string, refs: readonly string[]): Promise<Map<string, number[]>> {
    const found = new Map<string, number[]>();
    for (const batch of chunks([...new Set(refs)], UPSERT_BATCH)) {
      const rows = await this.db
        .select({ ref: embeddings.ref, embedding: embeddings.embedding })
        .from(embeddings)
        .where(and(eq(embeddings.projectId, projectId), inArray(embeddings.ref, batch)));
      for (const row of rows) found.set(row.ref, row.embedding);
    }
    return found;
  }

  /**
   * For each of `queries`, every other ref of `among` (same dimension) with cosine similarity
   * `minSimilarity` or more, ascending. Exact on purpose (a join ordered by nothing, no ANN
   * index): an approximate index could miss a pair. With pgvector the database compares the
   * pairs; without it the vectors are read once and compared here.
   */
  async neighbours(
    projectId: string,
    queries: readonly string[],
    among: readonly string[],
    minSimilarity: number,
  ): Promise<Map<string, string[]>> {
    const found = new Map<string, Set<string>>();
    const add = (query: string, ref: string) => {
      if (query === ref) return;
      const set = found.get(query);
      if (set) set.add(ref);
      else found.set(query, new Set([ref]));
    };
    if (this.vector) await this.#pairsInDatabase(projectId, queries, among, 1 - minSimilarity, add);
    else await this.#pairsHere(projectId, queries, among, 1 - minSimilarity, add);
    return new Map([...found].map(([query, refs]) => [query, [...refs].sort()]));
  }

  async #pairsInDatabase(
    projectId: string,
    queries: readonly string[],
    among: readonly string[],
    maxDistance: number,
    add: (query: string, ref: string) => void,
  ): Promise<void> {
    const inList = (refs: string[]) =>
      sql.join(
        refs.map((ref) => sql`${ref}`),
        sql`, `,
      );
    for (const left of chunks([...new Set(queries)], PAIR_BATCH))
      for (const right of chunks([...new Set(among)], PAIR_BATCH)) {
        const rows = await queryRows<{ query: string; ref: string }>(
          this.db,
          sql`select q.ref as query, e.ref as ref
              from ${embeddings} q
              join ${embeddings} e
                on e.project_id = q.project_id and e.dimensions = q.dimensions and e.ref <> q.ref
              where q.project_id = ${projectId} and q.ref in (${inList(left)}) and e.ref in (${inList(right)})
                and coalesce(q.embedding_vector, q.embedding::vector)
                    <=> coalesce(e.embedding_vector, e.embedding::vector) <= ${maxDistance}::float8`,
        );
        for (const row of rows) add(row.query, row.ref);
      }
  }

  async #pairsHere(
    projectId: string,
    queries: readonly string[],
    among: readonly string[],
    maxDistance: number,
    add: (query: string, ref: string) => void,
  ): Promise<void> {
    const vectors = await this.vectors(projectId, [...queries, ...among]);
    const others = [...new Set(among)].flatMap((ref) => {
      const vector = vectors.get(ref);
      return vector ? [{ ref, vector }] : [];
    });
    for (const query of new Set(queries)) {
      const vector = vectors.get(query);
      if (!vector) continue;
      const queryNorm = norm(vector);
      for (const other of others)
        if (
          other.vector.length === vector.length &&
          cosineDistance(vector, queryNorm, other.vector) <= maxDistance
        )
          add(query, other.ref);
    }
  }

  async nearest(projectId: string, vector: number[], limit: number, refPrefix = ''): Promise<Neighbour[]> {
    checkVector(vector, 'query vector');
    if (limit <= 0) return [];
    return this.vector
      ? this.#nearestInDatabase(projectId, vector, limit, refPrefix)
      : this.#scan(projectId, vector, limit, refPrefix);
  }

  async #nearestInDatabase(
    projectId: string,
    vector: number[],
    limit: number,
    refPrefix: string,
  ): Promise<Neighbour[]> {
    const query = sql`${`[${vector.join(',')}]`}::vector`;
    // A row written by a process that opened before pgvector was installed has no
    // embedding_vector until the next open fills it; convert its array on the fly meanwhile.
    const distance = sql`coalesce(embedding_vector, embedding::vector) <=> ${query}`;
    const rows = await queryRows<{ ref: string; text: string; distance: number | string }>(
      this.db,
      sql`select ref, text, ${distance} as distance
          from ${embeddings}
          where project_id = ${projectId} and dimensions = ${vector.length}
            and starts_with(ref, ${refPrefix})
          order by ${distance}, ref
          limit ${limit}`,
    );
    return rows.map((row) => ({ ref: row.ref, text: row.text, distance: Number(row.distance) }));
  }

  async #scanEach(
    projectId: string,
    queries: { key: string; vector: number[] }[],
    refPrefix: string,
    found: Map<string, Neighbour>,
  ): Promise<void> {
    const norms = queries.map((query) => norm(query.vector));
    for (const dimensions of new Set(queries.map((query) => query.vector.length))) {
      for await (const rows of this.#batches(projectId, dimensions, refPrefix))
        for (const row of rows)
          queries.forEach((query, index) => {
            if (query.vector.length !== dimensions) return;
            const candidate = {
              ref: row.ref,
              text: row.text,
              distance: cosineDistance(query.vector, norms[index]!, row.embedding),
            };
            if (closer(candidate, found.get(query.key))) found.set(query.key, candidate);
          });
    }
  }

  async #scan(projectId: string, vector: number[], limit: number, refPrefix: string): Promise<Neighbour[]> {
    const queryNorm = norm(vector);
    let best: Neighbour[] = [];
    for await (const rows of this.#batches(projectId, vector.length, refPrefix)) {
      for (const row of rows) {
        best.push({
          ref: row.ref,
          text: row.text,
          distance: cosineDistance(vector, queryNorm, row.embedding),
        });
      }
      best = best.sort(byDistance).slice(0, limit);
    }
    return best;
  }

  /** The project's vectors of one dimension, `scanBatch` rows at a time, in ref order. */
  async *#batches(
    projectId: string,
    dimensions: number,
    refPrefix: string,
  ): AsyncGenerator<{ ref: string; text: string; embedding: number[] }[]> {
    for (let after: string | undefined; ;) {
      const rows = await this.db
        .select({ ref: embeddings.ref, text: embeddings.text, embedding: embeddings.embedding })
        .from(embeddings)
        .where(
          and(
            eq(embeddings.projectId, projectId),
            eq(embeddings.dimensions, dimensions),
            refPrefix ? sql`starts_with(${embeddings.ref}, ${refPrefix})` : undefined,
            after === undefined ? undefined : gt(embeddings.ref, after),
          ),
        )
        .orderBy(asc(embeddings.ref))
        .limit(this.scanBatch);
      yield rows;
      if (rows.length < this.scanBatch) return;
      after = rows[rows.length - 1]!.ref;
    }
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

function closer(candidate: Neighbour, current: Neighbour | undefined): boolean {
  return current === undefined || byDistance(candidate, current) < 0;
}

function byDistance(a: Neighbour, b: Neighbour): number {
  return a.distance - b.distance || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
}

function cosineDistance(query: number[], queryNorm: number, other: number[]): number {
  let dot = 0;
  let otherSquares = 0;
  for (let index = 0; index < query.length; index++) {
    const value = other[index] ?? 0;
    dot += query[index]! * value;
    otherSquares += value * value;
  }
  return 1 - dot / (queryNorm * Math.sqrt(otherSquares));
}

function norm(vector: number[]): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
}

/** A zero vector has no direction (pgvector answers NaN); refuse it in both modes alike. */
function checkVector(vector: number[], where: string): void {
  if (vector.length === 0 || !vector.every(Number.isFinite) || norm(vector) === 0) {
    throw new TestopsError(
      'TESTOPS_INVALID_ARGUMENT',
      'an embedding must be a non-zero vector of finite numbers',
      {
        where,
        expected: 'at least one finite, non-zero component',
      },
    );
  }
}
