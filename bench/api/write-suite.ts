import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmittedFiles } from '../../src/emit/playwright-ts/emit-playwright-suite.ts';

/**
 * The project's own node_modules: it holds every package an emitted suite imports, at the
 * versions the emitter pins, so a suite type-checks without an install of its own.
 */
const PROJECT_NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

/** Writes an emitted suite to `dir` and links its node_modules to the project's. */
export async function writeSuite(dir: string, files: EmittedFiles): Promise<void> {
  for (const [relativePath, content] of Object.entries(files)) {
    const target = join(dir, relativePath);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  await symlink(PROJECT_NODE_MODULES, join(dir, 'node_modules'), 'dir');
}
