import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDrift } from './drift.ts';
import { renderAll, type RenderedFile } from './render.ts';

/**
 * `npm run deploy:render` writes deploy/<env>/ and deploy/argocd/; with `--check` it writes
 * nothing and exits 1 when the committed files differ from a fresh render.
 */
const deployDir = fileURLToPath(new URL('..', import.meta.url));
const files = renderAll({ sealedDir: new URL('../sealed/', import.meta.url) });

if (process.argv.includes('--check')) {
  const drift = findDrift(deployDir, files);
  for (const line of drift) process.stderr.write(`${line}\n`);
  if (drift.length > 0) process.stderr.write('The manifests are out of date: run `npm run deploy:render`.\n');
  process.exitCode = drift.length > 0 ? 1 : 0;
} else {
  write(files);
  process.stderr.write(`rendered ${files.length} files under deploy/\n`);
}

function write(rendered: RenderedFile[]): void {
  for (const stale of findDrift(deployDir, rendered).filter((line) => line.startsWith('stale '))) {
    rmSync(join(deployDir, stale.slice('stale '.length)));
  }
  for (const file of rendered) {
    const target = join(deployDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    if (!existsSync(target) || readFileSync(target, 'utf8') !== file.text) writeFileSync(target, file.text);
  }
}
