import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every mark we write starts with one of these (the second from earlier versions). */
const MARK_PREFIXES = ['Not delivered by TestOps Copilot:', 'Quarantined by TestOps Copilot:'];

/**
 * Removes the marks an earlier run wrote, so each run verifies every test again: a defect fixed
 * since is delivered, a test that turned flaky is marked anew.
 */
export async function unmarkTests(suiteDir: string): Promise<number> {
  let removed = 0;
  for (const path of await testFiles(join(suiteDir, 'tests'))) {
    const source = await readFile(path, 'utf8');
    const result = removeMarks(source);
    if (result.removed === 0) continue;
    await writeFile(path, result.source);
    removed += result.removed;
  }
  return removed;
}

/** Drops mark lines and turns `test.fixme(` back into `test(` under a mark comment. */
export function removeMarks(source: string): { source: string; removed: number } {
  const kept: string[] = [];
  let removed = 0;
  let restoreNext = false;
  for (const line of source.split('\n')) {
    if (!MARK_PREFIXES.some((prefix) => line.includes(prefix))) {
      kept.push(restoreNext ? line.replace(/\btest\.fixme\(/, 'test(') : line);
      restoreNext = false;
      continue;
    }
    removed += 1;
    // A comment above a call marks the call; any other mark line is a statement of its own.
    restoreNext = /^\s*\/\/ /.test(line);
  }
  return { source: kept.join('\n'), removed };
}

async function testFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await testFiles(path)));
    else if (/\.(spec\.ts|py)$/.test(entry.name)) files.push(path);
  }
  return files;
}
