import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as drizzleMigrate } from 'drizzle-orm/pglite/migrator';
import type { Database } from './database.ts';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * One lock for every process that opens the store: workers started together would otherwise
 * race on `CREATE SCHEMA`/`CREATE TABLE` and on Drizzle's bookkeeping table. The number is
 * arbitrary but fixed (it reads "testops" in ASCII, roughly).
 */
const MIGRATION_LOCK = sql.raw('7465737406');

/**
 * Applies pending migrations, then `extra` (the optional pgvector setup), under a session-level
 * advisory lock. `db` must be bound to a single connection, or the lock would guard nothing.
 */
export async function migrateUnderLock<T>(db: Database, extra: (db: Database) => Promise<T>): Promise<T> {
  await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    // Drizzle's migrators differ per driver only in their types; the work is `db.dialect.migrate`.
    await drizzleMigrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return await extra(db);
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
}
