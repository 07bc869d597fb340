import { sql } from 'drizzle-orm';
import { describeError, isTestopsError, TestopsError } from '../../core/errors.ts';
import { ArtifactRepository } from './artifact-repository.ts';
import { AuditRepository } from './audit-repository.ts';
import { BehaviorRepository } from './behavior-repository.ts';
import { ChatRepository } from './chat-repository.ts';
import { connectPglite, connectPostgres, type Connection } from './connection.ts';
import type { Database } from './database.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { EmbeddingRepository } from './embedding-repository.ts';
import { LlmCacheRepository } from './llm-cache-repository.ts';
import { JobRepository } from './job-repository.ts';
import { KeyRepository } from './key-repository.ts';
import { migrateUnderLock } from './migrate.ts';
import { ensureProject, ProjectRepository } from './project-repository.ts';
import { ModelUsageRepository } from './model-usage-repository.ts';
import { ProjectModelRepository } from './project-model-repository.ts';
import { ReportRepository } from './report-repository.ts';
import { SecretBox } from './secret-box.ts';
import { resolveSecretKey } from './secret-key.ts';
import { SecretRepository } from './secret-repository.ts';
import { SourceRepository } from './source-repository.ts';
import { DEFAULT_PROJECT, type Stores } from './stores.ts';
import { TestRepository } from './test-repository.ts';
import { TriageMemoryRepository } from './triage-memory-repository.ts';
import { setUpVector } from './vector-support.ts';

export interface OpenStoresOptions {
  /** PostgreSQL connection string; PGlite in `<dataDir>/pglite` when absent. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** 32 bytes, base64 or hex. Required with `databaseUrl`; kept in `<dataDir>/secret.key` otherwise. */
  secretKey?: string | undefined;
}

/**
 * Opens the database the configuration names, brings its schema up to date (under an advisory
 * lock, so workers starting together take turns) and returns the repositories over it.
 */
export async function openStores(options: OpenStoresOptions): Promise<Stores> {
  return (await openStoresWithDatabase(options)).stores;
}

/**
 * `openStores` that also hands out the Drizzle handle, for maintenance tools and for tests that
 * must look at raw rows (a secret really is encrypted, a key really is hashed). Services use the
 * ports only.
 */
export async function openStoresWithDatabase(
  options: OpenStoresOptions,
): Promise<{ stores: Stores; db: Database }> {
  const databaseUrl = options.databaseUrl?.trim() || undefined;
  // Configuration mistakes first: they need no database to be reported.
  const key = await resolveSecretKey({
    secretKey: options.secretKey,
    dataDir: options.dataDir,
    shared: databaseUrl !== undefined,
  });
  const unlockDataDir = databaseUrl === undefined ? await lockDataDir(options.dataDir) : undefined;
  let connection: Connection | undefined;
  try {
    connection = databaseUrl ? await connectPostgres(databaseUrl) : await connectPglite(options.dataDir);
    const vector = await connection.withSession((db) => migrateUnderLock(db, setUpVector));
    await ensureProject(connection.db, DEFAULT_PROJECT, 'Default project');
    return { stores: assemble(connection, new SecretBox(key), vector, unlockDataDir), db: connection.db };
  } catch (error) {
    await connection?.close().catch(() => undefined);
    await unlockDataDir?.();
    if (isTestopsError(error)) throw error;
    throw openFailure(error, databaseUrl, options.dataDir);
  }
}

function assemble(
  connection: Connection,
  box: SecretBox,
  vector: boolean,
  unlockDataDir: (() => Promise<void>) | undefined,
): Stores {
  const { db } = connection;
  const embeddings = new EmbeddingRepository(db, vector);
  let closing: Promise<void> | undefined;
  return {
    jobs: new JobRepository(db),
    projects: new ProjectRepository(db),
    sources: new SourceRepository(db),
    tests: new TestRepository(db),
    artifacts: new ArtifactRepository(db),
    reports: new ReportRepository(db),
    keys: new KeyRepository(db),
    audit: new AuditRepository(db),
    secrets: new SecretRepository(db, box),
    embeddings,
    triage: new TriageMemoryRepository(db, embeddings),
    chats: new ChatRepository(db),
    llmCache: new LlmCacheRepository(db),
    behaviors: new BehaviorRepository(db),
    projectModels: new ProjectModelRepository(db),
    modelUsage: new ModelUsageRepository(db),
    info: Object.freeze({ driver: connection.driver, vector }),
    async ping() {
      await db.execute(sql`select 1`);
    },
    close() {
      // Shutdown paths often call close twice (signal handler and finally); the second waits.
      closing ??= (async () => {
        try {
          await connection.close();
        } finally {
          await unlockDataDir?.();
        }
      })();
      return closing;
    },
  };
}

function openFailure(error: unknown, databaseUrl: string | undefined, dataDir: string): TestopsError {
  return new TestopsError('TESTOPS_DATABASE_FAILED', `cannot open the database: ${describeError(error)}`, {
    where: databaseUrl ? withoutPassword(databaseUrl) : `${dataDir}/pglite`,
    hint: databaseUrl
      ? 'check DATABASE_URL and that the PostgreSQL server is running and accepts this user'
      : 'check that the data directory is writable and was created by this version of testops (TESTOPS_DATA_DIR)',
    cause: error,
  });
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
