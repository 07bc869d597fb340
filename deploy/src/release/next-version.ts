import type { ConventionalCommit } from './conventional-commit.ts';

export type Bump = 'major' | 'minor' | 'patch';

/**
 * The release a set of commits calls for: a breaking change is major, a feature minor, a fix or
 * a performance change patch; nothing else releases. Before 1.0.0 a breaking change is minor
 * (semver: 0.y.z may change at any time); 1.0.0 is set by hand when the API is declared stable.
 */
export function bumpFor(commits: readonly ConventionalCommit[], current: string): Bump | undefined {
  const major = Number(current.split('.')[0]);
  if (commits.some((commit) => commit.breaking)) return major === 0 ? 'minor' : 'major';
  if (commits.some((commit) => commit.type === 'feat')) return 'minor';
  if (commits.some((commit) => commit.type === 'fix' || commit.type === 'perf')) return 'patch';
  return undefined;
}

export function nextVersion(current: string, bump: Bump): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(current);
  if (!match) throw new Error(`package.json: version ${current} is not x.y.z; set a release version first.`);
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  switch (bump) {
    case 'major':
      return `${major + 1}.0.0`;
    case 'minor':
      return `${major}.${minor + 1}.0`;
    case 'patch':
      return `${major}.${minor}.${patch + 1}`;
  }
}
