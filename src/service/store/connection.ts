import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from './database.ts';

/** One open database, whichever driver, with what the store needs beyond queries. */
export interface Connection {
  driver: 'pglite' | 'postgres';
  db: Database;
  /**
   * Runs `work` on one physical connection. Session state (advisory locks) lives on a
   * connection, and a pool would hand each statement to whichever connection is free.
   */
  withSession<T>(work: (db: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function connectPglite(dataDir: string): Promise<Connection> {
  // pgvector ships as a PGlite extension, so embedded mode always has nearest-neighbour search.
  const client = await PGlite.create({ dataDir: join(dataDir, 'pglite'), extensions: { vector } });
  const db = drizzlePglite({ client }) as unknown as Database;
  return {
    driver: 'pglite',
    db,
    // PGlite is a single connection already.
    withSession: (work) => work(db),
    close: () => client.close(),
  };
}

export async function connectPostgres(url: string): Promise<Connection> {
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000 });
  // An idle client losing its server (restart, failover) emits 'error' on the pool; unhandled,
  // it would crash the process. The next query reconnects or reports the failure itself.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  try {
    // Fail on open, not on the first request, when the server is unreachable.
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePostgres({ client: pool }) as unknown as Database;
  return {
    driver: 'postgres',
    db,
    async withSession(work) {
      const client = await pool.connect();
      try {
        const result = await work(drizzlePostgres({ client }) as unknown as Database);
        client.release();
        return result;
      } catch (error) {
        // Destroy rather than reuse: the failed work may have left session state (a lock) behind.
        client.release(error instanceof Error ? error : true);
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
