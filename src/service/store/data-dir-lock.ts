import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TestopsError } from '../../core/errors.ts';

const LOCK_FILE = 'pglite.lock';

/** Locks this process holds: a file naming our own pid is stale unless it is in here (a container restarted as the same pid). */
const held = new Set<string>();

/**
 * PGlite is a single-user database with no lock of its own: two processes (or two opens in one
 * process) writing the same data directory corrupt it. A pid file stops the second one; a file
 * left behind by a process that died is taken over. It guards against starting the service
 * twice by mistake; two processes taking over one stale file in the same instant could both
 * win, which a pid file cannot rule out.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createExclusive(path, String(process.pid))) {
      held.add(path);
      return async () => {
        held.delete(path);
        await rm(path, { force: true });
      };
    }
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    const ours = holder === process.pid;
    if ((ours && held.has(path)) || (!ours && Number.isInteger(holder) && holder > 0 && isAlive(holder))) {
      throw new TestopsError('TESTOPS_DATA_DIR_LOCKED', 'the embedded database is already open', {
        where: path,
        expected: `no other testops process using ${dataDir} (held by pid ${holder})`,
        hint: `stop the other process or give this one its own TESTOPS_DATA_DIR; if no testops process runs, delete ${path}`,
      });
    }
    await rm(path, { force: true });
  }
  throw new TestopsError('TESTOPS_DATA_DIR_LOCKED', 'could not take the data directory lock', {
    where: path,
    hint: 'another process keeps recreating it; stop the other testops processes',
  });
}

/** False when the file exists. Written aside and linked into place, so nobody reads it half-written. */
async function createExclusive(path: string, content: string): Promise<boolean> {
  const draft = `${path}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, content, { mode: 0o600 });
  try {
    await link(draft, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // A file system without hard links: exclusive create, with a tiny window before the write.
    try {
      await writeFile(path, content, { mode: 0o600, flag: 'wx' });
      return true;
    } catch (fallbackError) {
      if ((fallbackError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    await rm(draft, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
