import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedFile } from './render.ts';

/** Image Updater's write-back files live beside the rendered ones and belong to it. */
const NOT_RENDERED = /^\.argocd-source-.*\.yaml$/;

/**
 * How the files under `deployDir` differ from a fresh render: `changed`, `missing`, and `stale`
 * (a file in a rendered folder that rendering no longer produces).
 */
export function findDrift(deployDir: string, rendered: readonly RenderedFile[]): string[] {
  const drift: string[] = [];
  for (const file of rendered) {
    const target = join(deployDir, file.path);
    if (!existsSync(target)) drift.push(`missing ${file.path}`);
    else if (readFileSync(target, 'utf8') !== file.text) drift.push(`changed ${file.path}`);
  }
  const expected = new Set(rendered.map((file) => file.path));
  const folders = new Set(rendered.map((file) => file.path.split('/')[0]!));
  for (const folder of folders) {
    if (!existsSync(join(deployDir, folder))) continue;
    for (const name of readdirSync(join(deployDir, folder))) {
      const path = `${folder}/${name}`;
      if (!expected.has(path) && !NOT_RENDERED.test(name)) drift.push(`stale ${path}`);
    }
  }
  return drift;
}
