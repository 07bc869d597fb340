import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const SPEC_FILE = /\.(json|ya?ml)$/i;

/** Every spec file under `root`, as paths relative to it with `/` separators, sorted bytewise. */
export async function listSpecFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && SPEC_FILE.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
  // Bytewise, not localeCompare: the order (and so --limit) must not depend on the machine's locale.
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Orders specs by a hash of their path: a deterministic shuffle that spreads the type-check
 * sample over all providers, and keeps a spec's place when others are added or fixed.
 */
export function sampleOrder(specs: string[]): string[] {
  const key = (spec: string) => createHash('sha1').update(spec).digest('hex');
  const keyed = specs.map((spec) => ({ spec, key: key(spec) }));
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((entry) => entry.spec);
}
