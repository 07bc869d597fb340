import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Writes an emitted project; previously generated folders are replaced, node_modules kept. */
export async function writeEmittedFiles(outDir: string, files: Record<string, string>): Promise<void> {
  for (const folder of ['tests', 'support', 'results', 'evidence'])
    await rm(join(outDir, folder), { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
