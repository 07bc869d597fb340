import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/service/store/database.ts';
import { openStores, openStoresWithDatabase } from '../../../src/service/store/open-stores.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { describeStoreContract } from './store-contract.ts';
import { MIGRATION_COUNT } from './migration-count.ts';

const dataDirs: TempDataDir[] = [];
async function freshDataDir(): Promise<string> {
  const dir = await tempDataDir('testops-pglite-');
  dataDirs.push(dir);
  return dir.path;
}

afterAll(async () => {
  await Promise.all(dataDirs.map((dir) => dir.remove()));
});

describeStoreContract('PGlite', {
  open: async () => openStoresWithDatabase({ dataDir: await freshDataDir() }),
  expected: { driver: 'pglite', vector: true },
});

describe('PGlite data directory', () => {
  it('keeps data, its secret key and its schema across reopening, and admits one opener at a time', async () => {
    const dataDir = await freshDataDir();
    const first = await openStores({ dataDir });
    const { job } = await first.jobs.create({ projectId: 'kept', kind: 'test-plan', input: { a: 1 } });
    await first.secrets.put('kept', 'TOKEN', 'still here');
    await first.embeddings.upsert('kept', 'doc', [0.5, 0.5], 'text');

    const keyFile = join(dataDir, 'secret.key');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const key = await readFile(keyFile, 'utf8');
    expect(Buffer.from(key.trim(), 'base64')).toHaveLength(32);

    // Two processes on one PGlite directory would corrupt it: the second is refused.
    await expect(openStores({ dataDir })).rejects.toMatchObject({ code: 'TESTOPS_DATA_DIR_LOCKED' });
    await first.close();
    await first.close(); // idempotent

    const { stores: reopened, db } = await openStoresWithDatabase({ dataDir });
    try {
      expect(await readFile(keyFile, 'utf8')).toBe(key);
      expect(await reopened.jobs.get(job.id)).toMatchObject({ id: job.id, input: { a: 1 } });
      expect(await reopened.secrets.get('kept', 'TOKEN')).toBe('still here');
      expect(await reopened.embeddings.nearest('kept', [1, 1], 1)).toMatchObject([{ ref: 'doc' }]);
      const applied = await queryRows<{ count: number }>(
        db,
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      );
      expect(applied[0]!.count).toBe(MIGRATION_COUNT);
    } finally {
      await reopened.close();
    }
  });

  it('uses a configured key instead of the key file, and cannot read secrets under another one', async () => {
    const dataDir = await freshDataDir();
    const secretKey = randomBytes(32).toString('hex');
    const first = await openStores({ dataDir, secretKey });
    await first.secrets.put('default', 'TOKEN', 'value');
    await first.close();
    await expect(stat(join(dataDir, 'secret.key'))).rejects.toMatchObject({ code: 'ENOENT' });

    const wrongKey = await openStores({ dataDir, secretKey: randomBytes(32).toString('base64') });
    try {
      await expect(wrongKey.secrets.get('default', 'TOKEN')).rejects.toMatchObject({
        code: 'TESTOPS_SECRET_UNREADABLE',
      });
    } finally {
      await wrongKey.close();
    }
  });

  it('refuses a malformed secret key before touching the data directory', async () => {
    const dataDir = await freshDataDir();
    const failure = await openStores({ dataDir, secretKey: 'hunter2' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'TESTOPS_SECRET_KEY_INVALID' });
    expect((failure as Error).message).toContain('openssl rand -base64 32');
    await expect(stat(join(dataDir, 'pglite'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
