import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The Drizzle handle every repository takes. PGlite and node-postgres databases are both
 * `PgDatabase`s; repositories use only what the two share, so one implementation serves both.
 */
export type Database = PgDatabase<PgQueryResultHKT>;

/** A transaction handle; inside a transaction use it, never the outer `Database` (PGlite would wait for itself). */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type Executor = Database | Transaction;

/** Rows of a raw statement: both drivers return `{ rows }`, which Drizzle's generic type hides. */
export async function queryRows<Row>(db: Executor, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/** SQLSTATE of a database error; Drizzle wraps driver errors, so look through `cause` too. */
export function sqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';

/** Runs `attempt` again when it lost a race on a unique constraint (another writer got there first). */
export async function retryOnUniqueViolation<T>(attempt: () => Promise<T>, times = 5): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= times || sqlState(error) !== UNIQUE_VIOLATION) throw error;
    }
  }
}

/** Timestamps read by raw statements come back as epoch milliseconds (see `epochMs`). */
export function dateFromEpochMs(value: unknown): Date {
  return new Date(Number(value));
}

export function optional<T>(value: T | null | undefined): T | undefined {
  return value ?? undefined;
}
