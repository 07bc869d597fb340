import { fileURLToPath } from 'node:url';
import { findDrift } from './drift.ts';
import { renderAll } from './render.ts';
import { writeRendered } from './write-rendered.ts';

/**
 * `npm run deploy:render` writes deploy/<env>/ and deploy/argocd/; `npm run deploy:check` writes
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
  const touched = writeRendered(deployDir, files);
  process.stderr.write(`rendered ${files.length} files under deploy/; ${touched.length} changed\n`);
}
