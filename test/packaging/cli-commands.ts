import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './compose-file.ts';

/**
 * Names passed to commander's `.command('<name> …')` anywhere under src/cli: read from the
 * sources, so a packaging test learns of `serve` and `worker` when they are registered.
 */
export function registeredCliCommands(): string[] {
  const names = new Set<string>();
  for (const file of sourceFiles(join(REPO_ROOT, 'src', 'cli'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\.command\(\s*['"`]([a-z][\w-]*)/g)) {
      names.add(match[1] as string);
    }
  }
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
