import { sql } from 'drizzle-orm';
import { queryRows, type Database } from './database.ts';

/**
 * Turns on pgvector when the server has it: creates the extension and the `embedding_vector`
 * column, and fills it for rows written while the extension was missing. Returns whether
 * nearest-neighbour queries can run in the database. Runs under the migration lock.
 *
 * This is not a migration because migrations must succeed everywhere, and PostgreSQL servers
 * without the extension (Debian's stock packages) are a supported setup.
 */
export async function setUpVector(db: Database): Promise<boolean> {
  const [row] = await queryRows<{ installed: boolean; available: boolean }>(
    db,
    sql`select exists (select 1 from pg_extension where extname = 'vector') as installed,
               exists (select 1 from pg_available_extensions where name = 'vector') as available`,
  );
  if (!row?.installed) {
    if (!row?.available) return false;
    try {
      await db.execute(sql`create extension if not exists vector`);
    } catch {
      // Installed on the server but this role may not create it (not a superuser, not trusted):
      // the array column still works, with distances computed by the application.
      return false;
    }
  }
  await db.execute(sql`alter table embeddings add column if not exists embedding_vector vector`);
  await db.execute(
    sql`update embeddings set embedding_vector = embedding::vector where embedding_vector is null`,
  );
  return true;
}
