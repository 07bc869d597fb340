// A real bare git repository behind the fake GitLab and GitHub servers: every blob, tree, commit
// and branch an export makes is a git object written by the git CLI, so a test reads the result
// the way git itself would.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  path: string;
}

/** A change to a tree: `sha: null` removes the path. */
export interface TreeChange {
  path: string;
  sha: string | null;
  mode?: string;
}

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Fake Vendor',
  GIT_AUTHOR_EMAIL: 'vendor@example.test',
  GIT_COMMITTER_NAME: 'Fake Vendor',
  GIT_COMMITTER_EMAIL: 'vendor@example.test',
};

export class BareRepository {
  private indexCounter = 0;

  private constructor(readonly dir: string) {}

  /** A new bare repository whose `defaultBranch` holds `files` in one commit. */
  static async create(files: Record<string, string>, defaultBranch = 'main'): Promise<BareRepository> {
    const dir = await mkdtemp(join(tmpdir(), 'testops-fake-repo-'));
    const repository = new BareRepository(dir);
    await repository.git(['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`]);
    const changes: TreeChange[] = [];
    for (const [path, content] of Object.entries(files))
      changes.push({ path, sha: await repository.hashBlob(Buffer.from(content)) });
    const tree = await repository.writeTree(undefined, changes);
    const commit = await repository.commit(tree, [], 'Initial commit');
    await repository.updateRef(defaultBranch, commit);
    return repository;
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  git(args: string[], options: { input?: Buffer; env?: Record<string, string> } = {}): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        args,
        {
          env: { ...process.env, ...IDENTITY, GIT_DIR: this.dir, ...options.env },
          encoding: 'buffer',
          maxBuffer: 256 * 1024 * 1024,
        },
        (error, stdout, stderr) =>
          error ? reject(new Error(`git ${args.join(' ')}: ${stderr.toString()}`)) : resolve(stdout),
      );
      // A command that reads no input may exit before its stdin is closed.
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(options.input ?? Buffer.alloc(0));
    });
  }

  private async text(args: string[], options: { input?: Buffer; env?: Record<string, string> } = {}) {
    return (await this.git(args, options)).toString('utf8').trim();
  }

  hashBlob(content: Buffer): Promise<string> {
    return this.text(['hash-object', '-w', '--stdin'], { input: content });
  }

  /** The commit a branch points at, or undefined. */
  async branch(name: string): Promise<string | undefined> {
    return this.text(['rev-parse', '--verify', '--quiet', `refs/heads/${name}`]).catch(() => undefined);
  }

  async objectType(sha: string): Promise<string | undefined> {
    return this.text(['cat-file', '-t', sha]).catch(() => undefined);
  }

  treeOf(commit: string): Promise<string> {
    return this.text(['rev-parse', `${commit}^{tree}`]);
  }

  async commitInfo(sha: string): Promise<{ tree: string; parents: string[]; message: string }> {
    const raw = await this.text(['cat-file', 'commit', sha]);
    const [head, ...body] = raw.split('\n\n');
    const lines = head!.split('\n');
    return {
      tree: lines.find((line) => line.startsWith('tree '))!.slice(5),
      parents: lines.filter((line) => line.startsWith('parent ')).map((line) => line.slice(7)),
      message: body.join('\n\n'),
    };
  }

  /** Every entry under `path` (trees too with `withTrees`), recursively. */
  async listTree(
    treeish: string,
    options: { path?: string; withTrees?: boolean } = {},
  ): Promise<TreeEntry[]> {
    const args = ['ls-tree', '-r', '-z', ...(options.withTrees ? ['-t'] : []), treeish];
    if (options.path) args.push('--', options.path);
    const out = (await this.git(args)).toString('utf8');
    return out
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split('\t') as [string, string];
        const [mode, type, sha] = meta.split(' ') as [string, TreeEntry['type'], string];
        return { mode, type, sha, path };
      });
  }

  readBlob(sha: string): Promise<Buffer> {
    return this.git(['cat-file', 'blob', sha]);
  }

  /** `base` with `changes` applied, written through a temporary index. */
  async writeTree(base: string | undefined, changes: readonly TreeChange[]): Promise<string> {
    const index = join(this.dir, `fake-index-${process.pid}-${(this.indexCounter += 1)}`);
    const env = { GIT_INDEX_FILE: index };
    try {
      await this.git(base ? ['read-tree', base] : ['read-tree', '--empty'], { env });
      // --index-info needs no work tree; mode 0 removes a path.
      const lines = changes.map((change) =>
        change.sha === null
          ? `0 ${'0'.repeat(40)}\t${change.path}`
          : `${change.mode ?? '100644'} ${change.sha}\t${change.path}`,
      );
      if (lines.length > 0)
        await this.git(['update-index', '--index-info'], {
          env,
          input: Buffer.from(lines.join('\n') + '\n'),
        });
      return await this.text(['write-tree'], { env });
    } finally {
      await rm(index, { force: true });
    }
  }

  commit(tree: string, parents: readonly string[], message: string): Promise<string> {
    return this.text(['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent])], {
      input: Buffer.from(message),
    });
  }

  /** Moves a branch; with `expected`, only if it still points there (git's own compare-and-swap). */
  async updateRef(branch: string, sha: string, expected?: string): Promise<void> {
    await this.git(['update-ref', `refs/heads/${branch}`, sha, ...(expected ? [expected] : [])]);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return this.git(['merge-base', '--is-ancestor', ancestor, descendant]).then(
      () => true,
      () => false,
    );
  }

  /** The files under `dir` on a branch, relative to `dir`: what a test compares with the suite on disk. */
  async files(ref: string, dir = ''): Promise<Map<string, Buffer>> {
    const files = new Map<string, Buffer>();
    const prefix = dir === '' ? '' : `${dir}/`;
    for (const entry of await this.listTree(`refs/heads/${ref}`, dir ? { path: dir } : {}))
      if (entry.type === 'blob') files.set(entry.path.slice(prefix.length), await this.readBlob(entry.sha));
    return files;
  }

  async commitCount(ref: string): Promise<number> {
    return Number(await this.text(['rev-list', '--count', `refs/heads/${ref}`]));
  }
}
