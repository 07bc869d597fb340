import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ResponseCache } from '../core/response-cache.ts';

/** The CLI's cache folder: `TESTOPS_LLM_CACHE_DIR`, else under XDG_CACHE_HOME or ~/.cache. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['TESTOPS_LLM_CACHE_DIR']) return env['TESTOPS_LLM_CACHE_DIR'];
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'testops', 'llm');
}

/** One file per answer, named by its key (a hash): a second identical run sends no request. */
export class DiskCache implements ResponseCache {
  readonly kind = 'disk';

  constructor(private readonly dir: string) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return await readFile(this.path(key), 'utf8');
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // Written aside and renamed: two runs writing the same key never leave half a file.
    const temporary = `${this.path(key)}.${process.pid}.tmp`;
    await writeFile(temporary, value, 'utf8');
    await rename(temporary, this.path(key));
  }

  private path(key: string): string {
    return join(this.dir, `${key.replace(/[^\w.-]/g, '_')}.json`);
  }
}
