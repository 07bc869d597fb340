// Installs an emitted suite's pinned dependencies once per set of versions (in the OS temp
// folder shared by every test file) and links them into each suite, so repeated test runs need no network.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sharedTmpdir } from '../../support/shared-tmpdir.ts';

/** Writes an emitted suite's files into `suiteDir` and links its dependencies. */
export async function writeEmittedSuite(suiteDir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(suiteDir, path)), { recursive: true });
    await writeFile(join(suiteDir, path), text);
  }
  linkSuiteDependencies(suiteDir, files['package.json']!);
}

export function linkSuiteDependencies(suiteDir: string, packageJson: string): void {
  const manifest = JSON.parse(packageJson) as { dependencies: object; devDependencies: object };
  const pins = JSON.stringify([manifest.dependencies, manifest.devDependencies]);
  const cache = join(
    sharedTmpdir(),
    `testops-ui-deps-${createHash('sha256').update(pins).digest('hex').slice(0, 12)}`,
  );
  if (!existsSync(join(cache, 'node_modules', '@playwright', 'test', 'package.json')))
    install(cache, packageJson);
  symlinkSync(join(cache, 'node_modules'), join(suiteDir, 'node_modules'), 'dir');
}

function install(cache: string, packageJson: string): void {
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, 'package.json'), packageJson);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    {
      cwd: cache,
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  if (result.status !== 0)
    throw new Error(`npm install of the suite's dependencies failed: ${result.stderr}`);
}
