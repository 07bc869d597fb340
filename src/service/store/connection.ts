import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
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

// Each driver is loaded only when used: an embedded server never loads pg, a server on
// PostgreSQL never loads PGlite's WebAssembly.
export async function connectPglite(dataDir: string): Promise<Connection> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  const options = {
    dataDir: join(dataDir, 'pglite'),
    // pgvector ships as a PGlite extension, so embedded mode always has nearest-neighbour search.
    extensions: { vector },
    // PostgreSQL's server defaults are sized for a shared server; one embedded user needs far
    // less, and every buffer is resident memory of `testops serve`.
    postgresqlconf: ['shared_buffers=8MB', 'work_mem=2MB', 'maintenance_work_mem=8MB', 'temp_buffers=2MB'],
  };
  if (!(await exists(join(options.dataDir, 'PG_VERSION'))))
    await createPgliteCluster({ dataDir: options.dataDir, postgresqlconf: options.postgresqlconf });
  const client = await PGlite.create(options);
  const db = drizzlePglite({ client }) as unknown as Database;
  return {
    driver: 'pglite',
    db,
    // PGlite is a single connection already.
    withSession: (work) => work(db),
    close: () => client.close(),
  };
}

/**
 * initdb grows PGlite's WebAssembly memory to about half a gigabyte, and a process does not get
 * that back even once the instance is closed: the cluster is created by a short-lived child
 * process, so the server starts on it like on a restart.
 */
async function createPgliteCluster(options: { dataDir: string; postgresqlconf: string[] }): Promise<void> {
  const script = [
    `const { PGlite } = await import(${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))});`,
    'await (await PGlite.create(JSON.parse(process.argv[1]))).close();',
  ].join('\n');
  try {
    await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script, JSON.stringify(options)],
      { timeout: 120_000 },
    );
  } catch (error) {
    // Node prints the source line of a throw, and PGlite's is a whole minified bundle.
    const stderr = String((error as { stderr?: unknown }).stderr ?? '')
      .split('\n')
      .filter((line) => line.trim() !== '' && line.length < 500)
      .slice(-8)
      .join('\n');
    throw new Error(`creating the embedded database in ${options.dataDir} failed:\n${stderr}`, {
      cause: error,
    });
  }
}

export async function connectPostgres(url: string): Promise<Connection> {
  const { default: pg } = await import('pg');
  const { drizzle: drizzlePostgres } = await import('drizzle-orm/node-postgres');
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

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
