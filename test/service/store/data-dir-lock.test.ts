import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../src/service/store/data-dir-lock.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';

const dirs: TempDataDir[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => dir.remove()));
});

async function dataDir(): Promise<string> {
  const dir = await tempDataDir('testops-lock-');
  dirs.push(dir);
  return dir.path;
}

describe('data directory lock', () => {
  it('admits one holder at a time and frees the directory on unlock', async () => {
    const dir = await dataDir();
    const results = await Promise.allSettled([lockDataDir(dir), lockDataDir(dir)]);
    const held = results.filter((result) => result.status === 'fulfilled');
    expect(held).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({
      reason: { code: 'TESTOPS_DATA_DIR_LOCKED' },
    });
    expect(await readFile(join(dir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    await (held[0] as PromiseFulfilledResult<() => Promise<void>>).value();
    expect(await readdir(dir)).toEqual([]);
    const again = await lockDataDir(dir);
    await again();
  });

  it('takes over a lock left by a process that is gone, or by an earlier life of this pid', async () => {
    for (const stale of ['99999999', String(process.pid), '']) {
      const dir = await dataDir();
      await writeFile(join(dir, 'pglite.lock'), stale);
      const unlock = await lockDataDir(dir);
      expect(await readFile(join(dir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
      await unlock();
    }
  });
});
