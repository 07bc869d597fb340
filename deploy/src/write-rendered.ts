import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findDrift } from './drift.ts';
import type { RenderedFile } from './render.ts';

/** Writes what changed and removes files rendering no longer produces; returns the paths touched. */
export function writeRendered(deployDir: string, files: readonly RenderedFile[]): string[] {
  const drift = findDrift(deployDir, files);
  for (const line of drift.filter((entry) => entry.startsWith('stale ')))
    rmSync(join(deployDir, line.slice('stale '.length)));
  for (const file of files) {
    const target = join(deployDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    if (!existsSync(target) || readFileSync(target, 'utf8') !== file.text) writeFileSync(target, file.text);
  }
  return drift.map((entry) => entry.slice(entry.indexOf(' ') + 1));
}
