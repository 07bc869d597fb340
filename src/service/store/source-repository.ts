import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { SourceDocument, SourceKind, SourceStore, SourceSummary } from './stores.ts';
import type { Database } from './database.ts';
import { ensureProject } from './project-repository.ts';
import { sources } from './schema.ts';

export class SourceRepository implements SourceStore {
  constructor(private readonly db: Database) {}

  async save(source: Omit<SourceDocument, 'id' | 'createdAt' | 'digest'>): Promise<SourceDocument> {
    const digest = createHash('sha256').update(source.content, 'utf8').digest('hex');
    await ensureProject(this.db, source.projectId);
    const [inserted] = await this.db
      .insert(sources)
      .values({ id: randomUUID(), ...source, digest })
      .onConflictDoNothing({ target: [sources.projectId, sources.kind, sources.digest] })
      .returning();
    if (inserted) return toSource(inserted);
    // Uploaded before: the first copy (and its origin) stands.
    const [existing] = await this.db
      .select()
      .from(sources)
      .where(
        and(
          eq(sources.projectId, source.projectId),
          eq(sources.kind, source.kind),
          eq(sources.digest, digest),
        ),
      );
    if (!existing) throw new Error('a source conflicted on its digest but cannot be found');
    return toSource(existing);
  }

  async get(id: string): Promise<SourceDocument | undefined> {
    const [row] = await this.db.select().from(sources).where(eq(sources.id, id));
    return row && toSource(row);
  }

  async list(projectId: string, filter: { kind?: SourceKind; limit: number }): Promise<SourceSummary[]> {
    const rows = await this.db
      .select({
        id: sources.id,
        projectId: sources.projectId,
        kind: sources.kind,
        origin: sources.origin,
        digest: sources.digest,
        size: sql<number>`length(${sources.content})::int`,
        createdAt: sources.createdAt,
      })
      .from(sources)
      .where(and(eq(sources.projectId, projectId), filter.kind ? eq(sources.kind, filter.kind) : undefined))
      .orderBy(desc(sources.createdAt), desc(sources.id))
      .limit(filter.limit);
    return rows.map((row) => ({ ...row, kind: row.kind as SourceKind, size: Number(row.size) }));
  }
}

function toSource(row: typeof sources.$inferSelect): SourceDocument {
  return { ...row, kind: row.kind as SourceKind };
}
