import { asc, eq, sql } from 'drizzle-orm';
import type { Artifact, ArtifactStore } from './stores.ts';
import type { Database } from './database.ts';
import { artifacts } from './schema.ts';

/** Rows per INSERT: bounds statement size (and parameter count) for suites with many files. */
const BATCH_FILES = 100;

export class ArtifactRepository implements ArtifactStore {
  constructor(private readonly db: Database) {}

  async replaceForJob(jobId: string, files: { path: string; content: Buffer }[]): Promise<void> {
    // Last one wins when a path repeats, as it would on disk.
    const byPath = new Map(files.map((file) => [file.path, file.content]));
    const rows = [...byPath].map(([path, content]) => ({ jobId, path, content }));
    await this.db.transaction(async (tx) => {
      // Two attempts replacing at once would interleave deletes and inserts; the job's row lock
      // makes the second wait for the first to commit.
      await tx.execute(sql`select 1 from jobs where id = ${jobId} for update`);
      await tx.delete(artifacts).where(eq(artifacts.jobId, jobId));
      for (let start = 0; start < rows.length; start += BATCH_FILES) {
        await tx.insert(artifacts).values(rows.slice(start, start + BATCH_FILES));
      }
    });
  }

  listForJob(jobId: string): Promise<Artifact[]> {
    return this.db
      .select({ jobId: artifacts.jobId, path: artifacts.path, content: artifacts.content })
      .from(artifacts)
      .where(eq(artifacts.jobId, jobId))
      .orderBy(asc(artifacts.path));
  }
}
