import { describe, expect, it } from 'vitest';
import { githubApiRoot } from '../../src/integrations/github/github-dialect.ts';
import { gitlabApiRoot } from '../../src/integrations/gitlab/gitlab-dialect.ts';
import { ignoreMatcher } from '../../src/integrations/repository/export-files.ts';
import { gitBlobSha } from '../../src/integrations/repository/git-blob.ts';
import { repositoryChanges } from '../../src/integrations/repository/repository-changes.ts';
import { checkedTarget, isBranchName } from '../../src/integrations/repository/repository-target.ts';

const file = (path: string, text: string) => ({ path, content: Buffer.from(text) });

describe('the parts of a repository export', () => {
  it('gives a file the id git gives it', () => {
    // `printf 'hi\n' | git hash-object --stdin`
    expect(gitBlobSha(Buffer.from('hi\n'))).toBe('45b983be36b73c0788dc9cbcb76cbb80fc7bb057');
  });

  it('applies the folder’s .gitignore: names, folders, wildcards, anchored paths', () => {
    const ignored = ignoreMatcher([
      'node_modules/',
      '*.log',
      '/build',
      'docs/**/draft-?.md',
      '# comment',
      '!keep.log',
    ]);
    expect(ignored('node_modules', true)).toBe(true);
    expect(ignored('a/node_modules', true)).toBe(true);
    expect(ignored('node_modules', false)).toBe(false);
    expect(ignored('run.log', false)).toBe(true);
    expect(ignored('logs/run.log', false)).toBe(true);
    expect(ignored('build', true)).toBe(true);
    expect(ignored('src/build', true)).toBe(false);
    expect(ignored('docs/a/b/draft-1.md', false)).toBe(true);
    expect(ignored('keep.md', false)).toBe(false);
  });

  it('creates, updates and leaves alone by blob id, and deletes only what an earlier export added', () => {
    const changes = repositoryChanges({
      files: [file('t/a.ts', 'same'), file('t/b.ts', 'new content'), file('t/c.ts', 'created')],
      onRef: new Map([
        ['t/a.ts', gitBlobSha(Buffer.from('same'))],
        ['t/b.ts', gitBlobSha(Buffer.from('old content'))],
        ['t/gone.ts', 'x'],
        ['t/theirs.ts', 'y'],
        ['elsewhere/old.ts', 'z'],
      ]),
      onBase: new Set(['t/theirs.ts', 'elsewhere/old.ts']),
      scope: 't',
    });
    expect(changes.create.map((item) => item.path)).toEqual(['t/c.ts']);
    expect(changes.update.map((item) => item.path)).toEqual(['t/b.ts']);
    expect(changes.delete).toEqual(['t/gone.ts']);
    expect(changes.unchanged).toBe(1);
  });

  it('deletes nothing on a new branch (the base’s files are not ours)', () => {
    const changes = repositoryChanges({
      files: [],
      onRef: new Map([['t/x.ts', 'x']]),
      onBase: undefined,
      scope: 't',
    });
    expect(changes.delete).toEqual([]);
  });

  it('refuses branch names git refuses, and folders that leave the repository', () => {
    for (const name of ['testops/api', 'feature-1', 'a.b']) expect(isBranchName(name)).toBe(true);
    for (const name of ['', 'a b', 'a..b', '-x', 'x.lock', 'x/', 'a~1', 'a:b', 'a\u0001b', 'a@{1}', '/x'])
      expect(isBranchName(name)).toBe(false);
    const target = {
      vendor: 'github' as const,
      repo: 'acme/x',
      branch: 'testops/x',
      baseBranch: undefined,
      ci: false,
    };
    expect(checkedTarget({ ...target, directory: '/tests/api/' }).directory).toBe('tests/api');
    expect(() => checkedTarget({ ...target, directory: 'tests/../..' })).toThrow('leaves the repository');
    expect(() => checkedTarget({ ...target, repo: 'just-a-name', directory: '' })).toThrow(
      'is not a GitHub repository',
    );
    expect(() => checkedTarget({ ...target, baseBranch: 'testops/x', directory: '' })).toThrow(
      'the export branch is the base branch',
    );
  });

  it('finds the API root of an instance', () => {
    expect(gitlabApiRoot(new URL('https://gitlab.example.com')).href).toBe(
      'https://gitlab.example.com/api/v4/',
    );
    expect(gitlabApiRoot(new URL('https://example.com/gitlab/api/v4/')).href).toBe(
      'https://example.com/gitlab/api/v4/',
    );
    expect(githubApiRoot(new URL('https://github.com')).href).toBe('https://api.github.com/');
    expect(githubApiRoot(new URL('https://ghe.example.com')).href).toBe('https://ghe.example.com/api/v3/');
    expect(githubApiRoot(new URL('https://ghe.example.com/api/v3')).href).toBe(
      'https://ghe.example.com/api/v3/',
    );
  });
});
