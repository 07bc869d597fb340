import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The PostgreSQL server tests use: a local one with trust authentication. Each test file gets
 * a database of its own (created here, dropped afterwards), so files run in parallel and leave
 * nothing behind. Override with TESTOPS_TEST_POSTGRES_URL (a role that may create databases).
 */
export const TEST_POSTGRES_URL =
  process.env['TESTOPS_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** Connection string of the fresh, empty database. */
  url: string;
  name: string;
  /** Drops the database, ending connections left open to it. */
  drop(): Promise<void>;
}

export async function createTestDatabase(prefix = 'testops_store'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin(async (client) => {
    await client.query(`create database "${name}"`);
  });
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      admin(async (client) => {
        // WITH (FORCE): a test that failed before closing its pool must not keep the database alive.
        await client.query(`drop database if exists "${name}" with (force)`);
      }),
  };
}

async function admin(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `tests need PostgreSQL at ${TEST_POSTGRES_URL} (set TESTOPS_TEST_POSTGRES_URL to use another server)`,
      { cause: error },
    );
  }
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

export interface TempDataDir {
  path: string;
  remove(): Promise<void>;
}

/** A data directory for the embedded mode (PGlite, secret key, job folders), removed afterwards. */
export async function tempDataDir(prefix = 'testops-data-'): Promise<TempDataDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
