import { describe, expect, it } from 'vitest';
import { changelogSection, prependSection } from '../../deploy/src/release/changelog.ts';
import {
  parseConventionalCommit,
  type ConventionalCommit,
} from '../../deploy/src/release/conventional-commit.ts';
import { bumpFor, nextVersion } from '../../deploy/src/release/next-version.ts';

const commits = (...messages: string[]) =>
  messages
    .map(parseConventionalCommit)
    .filter((commit): commit is ConventionalCommit => commit !== undefined);

describe('conventional commits', () => {
  it('reads type, scope, subject and breaking changes (! or a BREAKING CHANGE footer)', () => {
    expect(parseConventionalCommit('feat(deploy): KEDA on the queue\n\nbody')).toEqual({
      type: 'feat',
      scope: 'deploy',
      subject: 'KEDA on the queue',
      breaking: false,
    });
    expect(parseConventionalCommit('fix!: drop v0 routes')?.breaking).toBe(true);
    expect(parseConventionalCommit('refactor: x\n\nBREAKING CHANGE: the config moved')?.breaking).toBe(true);
  });

  it('ignores messages outside the convention', () => {
    expect(parseConventionalCommit('One home for the --conformance option')).toBeUndefined();
    expect(parseConventionalCommit("Merge branch 'r-api'")).toBeUndefined();
  });
});

describe('the next version', () => {
  it.each([
    [['fix: a', 'chore: b'], '1.2.3', 'patch', '1.2.4'],
    [['perf: a'], '1.2.3', 'patch', '1.2.4'],
    [['fix: a', 'feat: b'], '1.2.3', 'minor', '1.3.0'],
    [['feat!: a'], '1.2.3', 'major', '2.0.0'],
    // 0.y.z: a breaking change moves the minor version.
    [['feat!: a'], '0.1.0', 'minor', '0.2.0'],
  ] as const)('%j on %s is a %s release: %s', (messages, current, bump, next) => {
    expect(bumpFor(commits(...messages), current)).toBe(bump);
    expect(nextVersion(current, bump)).toBe(next);
  });

  it('is no release for chores, docs and tests alone', () => {
    expect(bumpFor(commits('chore: a', 'docs: b', 'test: c'), '1.0.0')).toBeUndefined();
  });

  it('refuses a version that is not x.y.z', () => {
    expect(() => nextVersion('1.0.0-rc.1', 'patch')).toThrow(/not x\.y\.z/);
  });
});

describe('the changelog', () => {
  const section = changelogSection({
    version: '0.2.0',
    date: '2026-12-03',
    commits: commits('feat(deploy): manifests', 'fix: a leak', 'chore: deps', 'feat(api)!: new errors'),
  });

  it('groups what users notice and leaves chores out', () => {
    expect(section).toBe(
      [
        '## 0.2.0 — 2026-12-03',
        '',
        '### Breaking changes',
        '',
        '- **api:** new errors',
        '',
        '### Features',
        '',
        '- **deploy:** manifests',
        '',
        '### Fixes',
        '',
        '- a leak',
        '',
      ].join('\n'),
    );
  });

  it('goes above the previous release, below the preamble', () => {
    const before = '# Changelog\n\nPreamble.\n\n## 0.1.0 — 2026-12-01\n\nFirst.\n';
    const after = prependSection(before, section);
    expect(after.indexOf('## 0.2.0')).toBeGreaterThan(after.indexOf('Preamble.'));
    expect(after.indexOf('## 0.2.0')).toBeLessThan(after.indexOf('## 0.1.0'));
  });
});
