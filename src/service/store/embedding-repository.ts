import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { TestopsError } from '../../core/errors.ts';
import type { EmbeddingStore } from './stores.ts';
import { queryRows, type Database } from './database.ts';
import { ensureProject } from './project-repository.ts';
import { embeddings } from './schema.ts';

type Neighbour = { ref: string; text: string; distance: number };

/** Rows read per round trip when distances are computed here rather than by pgvector. */
const SCAN_BATCH = 500;

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

  async #scan(projectId: string, vector: number[], limit: number, refPrefix: string): Promise<Neighbour[]> {
    const queryNorm = norm(vector);
    let best: Neighbour[] = [];
    for (let after: string | undefined; ;) {
      const rows = await this.db
        .select({ ref: embeddings.ref, text: embeddings.text, embedding: embeddings.embedding })
        .from(embeddings)
        .where(
          and(
            eq(embeddings.projectId, projectId),
            eq(embeddings.dimensions, vector.length),
            refPrefix ? sql`starts_with(${embeddings.ref}, ${refPrefix})` : undefined,
            after === undefined ? undefined : gt(embeddings.ref, after),
          ),
        )
        .orderBy(asc(embeddings.ref))
        .limit(this.scanBatch);
      for (const row of rows) {
        best.push({
          ref: row.ref,
          text: row.text,
          distance: cosineDistance(vector, queryNorm, row.embedding),
        });
      }
      best = best.sort(byDistance).slice(0, limit);
      if (rows.length < this.scanBatch) return best;
      after = rows[rows.length - 1]!.ref;
    }
  }
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
