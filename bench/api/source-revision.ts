import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The engine revision the figures belong to: the commit, marked `+dirty` when `src/` has
 * uncommitted changes, since the engine is often edited while the benchmark runs. Undefined
 * outside a git checkout.
 */
export function sourceRevision(): string | undefined {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--', 'src') === '' ? commit : `${commit}+dirty`;
  } catch {
    return undefined;
  }
}
