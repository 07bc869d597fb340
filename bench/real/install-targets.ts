// Installs the pinned target applications into bench/real/node_modules with `npm ci` when that
// folder is missing or was installed from another lock file. Never touches the product's install.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = '.bench-real-lock.sha256';

export function ensureTargetsInstalled(packageDir: string): void {
  const lock = readFileSync(join(packageDir, 'package-lock.json'));
  const digest = createHash('sha256').update(lock).digest('hex');
  const stamp = join(packageDir, 'node_modules', STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest) return;
  process.stderr.write(`installing the pinned packages (npm ci --prefix ${packageDir})…\n`);
  // Install scripts stay off: every target here runs from what the registry ships, and a script
  // that downloads a prebuilt binary could not reach its host from this machine anyway.
  const result = spawnSync(
    'npm',
    ['ci', '--prefix', packageDir, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`npm ci --prefix ${packageDir} failed (exit ${result.status})`);
  writeFileSync(stamp, digest + '\n');
}
