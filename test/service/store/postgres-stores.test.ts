import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/service/store/database.ts';
import { openStores, openStoresWithDatabase } from '../../../src/service/store/open-stores.ts';
import {
  createTestDatabase,
  tempDataDir,
  type TempDataDir,
  type TestDatabase,
} from '../support/databases.ts';
import { describeStoreContract } from './store-contract.ts';
import { MIGRATION_COUNT } from './migration-count.ts';

const secretKey = randomBytes(32).toString('base64');
let contractDatabase: TestDatabase;
let dataDir: TempDataDir;

beforeAll(async () => {
  dataDir = await tempDataDir();
});

afterAll(async () => {
  await contractDatabase?.drop();
  await dataDir?.remove();
});

describeStoreContract('PostgreSQL', {
  open: async () => {
    contractDatabase = await createTestDatabase();
    return openStoresWithDatabase({ databaseUrl: contractDatabase.url, dataDir: dataDir.path, secretKey });
  },
  expected: { driver: 'postgres', vector: false },
});

describe('PostgreSQL opening', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('lets several workers open a fresh database at once, migrating it once', async () => {
    const opened = await Promise.all(
      [1, 2, 3].map(() =>
        openStoresWithDatabase({ databaseUrl: database.url, dataDir: dataDir.path, secretKey }),
      ),
    );
    try {
      const [first, second] = opened;
      const { job } = await first!.stores.jobs.create({ projectId: 'shared', kind: 'validate', input: {} });
      expect(await second!.stores.jobs.get(job.id)).toMatchObject({ id: job.id });
      await first!.stores.secrets.put('shared', 'TOKEN', 'shared key');
      expect(await second!.stores.secrets.get('shared', 'TOKEN')).toBe('shared key');
      const applied = await queryRows<{ count: number }>(
        first!.db,
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      );
      expect(applied[0]!.count).toBe(MIGRATION_COUNT);
    } finally {
      await Promise.all(opened.map(({ stores }) => stores.close()));
    }

    // Reopening applies nothing again and keeps the data.
    const { stores, db } = await openStoresWithDatabase({
      databaseUrl: database.url,
      dataDir: dataDir.path,
      secretKey,
    });
    try {
      expect((await stores.jobs.list({ projectId: 'shared' })).length).toBe(1);
      const applied = await queryRows<{ count: number }>(
        db,
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      );
      expect(applied[0]!.count).toBe(MIGRATION_COUNT);
    } finally {
      await stores.close();
    }
  });

  it('requires a secret key shared by every worker', async () => {
    const failure = await openStores({ databaseUrl: database.url, dataDir: dataDir.path }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'TESTOPS_SECRET_KEY_MISSING' });
    expect((failure as Error).message).toContain('openssl rand -base64 32');
  });

  it('reports an unreachable server as a database failure without the password', async () => {
    const failure = await openStores({
      databaseUrl: 'postgres://someone:hunter2@127.0.0.1:1/none',
      dataDir: dataDir.path,
      secretKey,
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'TESTOPS_DATABASE_FAILED' });
    expect((failure as Error).message).not.toContain('hunter2');
    expect((failure as Error).message).toContain('127.0.0.1:1');
  });
});
