// A GitHub Enterprise Server (REST under /api/v3) implementing the Git Data and pull request
// calls an export makes, over a real bare repository. Every request is validated against
// GitHub's published OpenAPI description (@octokit/openapi); answers and error bodies have
// GitHub's shapes (https://docs.github.com/en/rest/git, /rest/pulls).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BareRepository } from './bare-repository.ts';
import {
  FakeVendorServer,
  paged,
  type FakeAnswer,
  type FakeRequest,
  type FakeRoute,
} from './fake-vendor-server.ts';
import { OpenApiRequestValidator } from './openapi-request-validator.ts';

export interface FakePull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
}

const DOCS = 'https://docs.github.com/rest';
const error = (status: number, message: string, extra: Record<string, unknown> = {}): FakeAnswer => ({
  status,
  body: { message, documentation_url: DOCS, status: String(status), ...extra },
});
const validationFailed = (errors: unknown[]) => error(422, 'Validation Failed', { errors });

let description: Record<string, unknown> | undefined;

/**
 * GitHub's REST description, read from the one file of @octokit/openapi it is in (requiring the
 * package would load every variant, ~400 MB). Read once per test process.
 */
export function githubDescription(): Record<string, unknown> {
  const root = join(createRequire(import.meta.url).resolve('@octokit/openapi/package.json'), '..');
  description ??= JSON.parse(readFileSync(join(root, 'generated', 'api.github.com.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  return description;
}

export class FakeGithub {
  readonly pulls: FakePull[] = [];
  readonly server: FakeVendorServer;

  private constructor(
    readonly repository: BareRepository,
    readonly owner: string,
    readonly name: string,
    readonly token: string,
  ) {
    const validator = new OpenApiRequestValidator(githubDescription(), '/api/v3');
    this.server = new FakeVendorServer({
      validator,
      authorized: (headers) => headers.authorization === `Bearer ${token}`,
      unauthorized: error(401, 'Bad credentials'),
      notFound: error(404, 'Not Found'),
      invalid: (problems) => error(422, `Invalid request.\n\n${problems.join('\n')}`),
      routes: this.routes(),
    });
  }

  static async start(options: {
    owner: string;
    name: string;
    token: string;
    files: Record<string, string>;
  }): Promise<FakeGithub> {
    const repository = await BareRepository.create(options.files);
    const fake = new FakeGithub(repository, options.owner, options.name, options.token);
    await fake.server.start();
    return fake;
  }

  /** What a user gives as --base-url for this Enterprise Server. */
  get baseUrl(): string {
    return this.server.origin;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.repository.remove();
  }

  private routes(): FakeRoute[] {
    const repo = `^/api/v3/repos/${this.owner}/${this.name}`;
    const route = (method: string, path: string, answer: FakeRoute['answer']): FakeRoute => ({
      method,
      pattern: new RegExp(`${repo}${path}$`),
      answer,
    });
    return [
      route('GET', '', () => this.repositoryInfo()),
      route('GET', '/git/ref/heads/(.+)', (request) => this.getRef(request.params[0]!)),
      route('GET', '/git/commits/([0-9a-f]{40})', (request) => this.getCommit(request.params[0]!)),
      route('GET', '/git/trees/([0-9a-f]{40})', (request) => this.getTree(request)),
      route('POST', '/git/blobs', (request) => this.createBlob(request)),
      route('POST', '/git/trees', (request) => this.createTree(request)),
      route('POST', '/git/commits', (request) => this.createCommit(request)),
      route('POST', '/git/refs', (request) => this.createRef(request)),
      route('PATCH', '/git/refs/heads/(.+)', (request) => this.updateRef(request)),
      route('GET', '/pulls', (request) => this.listPulls(request)),
      route('POST', '/pulls', (request) => this.createPull(request)),
      route('PATCH', '/pulls/(\\d+)', (request) => this.updatePull(request)),
    ];
  }

  private url(path: string): string {
    return `${this.server.origin}/api/v3/repos/${this.owner}/${this.name}${path}`;
  }

  private repositoryInfo(): FakeAnswer {
    return {
      status: 200,
      body: {
        id: 1,
        name: this.name,
        full_name: `${this.owner}/${this.name}`,
        private: true,
        default_branch: 'main',
        html_url: `${this.server.origin}/${this.owner}/${this.name}`,
      },
    };
  }

  private async getRef(branch: string): Promise<FakeAnswer> {
    const sha = await this.repository.branch(branch);
    if (!sha) return error(404, 'Not Found');
    return { status: 200, body: this.refBody(branch, sha) };
  }

  private refBody(branch: string, sha: string) {
    return {
      ref: `refs/heads/${branch}`,
      url: this.url(`/git/refs/heads/${branch}`),
      object: { type: 'commit', sha, url: this.url(`/git/commits/${sha}`) },
    };
  }

  private async getCommit(sha: string): Promise<FakeAnswer> {
    if ((await this.repository.objectType(sha)) !== 'commit') return error(404, 'Not Found');
    const info = await this.repository.commitInfo(sha);
    return {
      status: 200,
      body: {
        sha,
        url: this.url(`/git/commits/${sha}`),
        message: info.message,
        tree: { sha: info.tree, url: this.url(`/git/trees/${info.tree}`) },
        parents: info.parents.map((parent) => ({ sha: parent, url: this.url(`/git/commits/${parent}`) })),
      },
    };
  }

  private async getTree(request: FakeRequest): Promise<FakeAnswer> {
    const sha = request.params[0]!;
    if ((await this.repository.objectType(sha)) !== 'tree') return error(404, 'Not Found');
    // GitHub: any value of `recursive` lists the whole tree; absent lists one level.
    const recursive = request.query.has('recursive');
    const entries = recursive
      ? await this.repository.listTree(sha, { withTrees: true })
      : (await this.repository.listTree(sha, { withTrees: true })).filter(
          (entry) => !entry.path.includes('/'),
        );
    return {
      status: 200,
      body: {
        sha,
        url: this.url(`/git/trees/${sha}`),
        truncated: false,
        tree: entries.map((entry) => ({ ...entry, url: this.url(`/git/${entry.type}s/${entry.sha}`) })),
      },
    };
  }

  private async createBlob(request: FakeRequest): Promise<FakeAnswer> {
    const { content, encoding } = request.body as { content: string; encoding?: string };
    const bytes = encoding === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
    const sha = await this.repository.hashBlob(bytes);
    return { status: 201, body: { sha, url: this.url(`/git/blobs/${sha}`) } };
  }

  private async createTree(request: FakeRequest): Promise<FakeAnswer> {
    const body = request.body as {
      base_tree?: string;
      tree: { path: string; mode: string; sha?: string | null; content?: string }[];
    };
    if (body.base_tree && (await this.repository.objectType(body.base_tree)) !== 'tree')
      return error(422, 'base_tree is not a valid tree oid');
    const changes = [];
    for (const entry of body.tree) {
      if (
        entry.sha !== undefined &&
        entry.sha !== null &&
        (await this.repository.objectType(entry.sha)) !== 'blob'
      )
        return error(422, `tree.sha ${entry.sha} is not a valid blob`);
      const sha =
        entry.content !== undefined
          ? await this.repository.hashBlob(Buffer.from(entry.content))
          : (entry.sha ?? null);
      changes.push({ path: entry.path, sha, mode: entry.mode });
    }
    const sha = await this.repository.writeTree(body.base_tree, changes);
    return { status: 201, body: { sha, url: this.url(`/git/trees/${sha}`), truncated: false, tree: [] } };
  }

  private async createCommit(request: FakeRequest): Promise<FakeAnswer> {
    const body = request.body as { message: string; tree: string; parents?: string[] };
    if ((await this.repository.objectType(body.tree)) !== 'tree')
      return error(422, 'Tree SHA does not exist');
    for (const parent of body.parents ?? [])
      if ((await this.repository.objectType(parent)) !== 'commit')
        return error(422, 'Parent SHA does not exist or is not a commit object');
    const sha = await this.repository.commit(body.tree, body.parents ?? [], body.message);
    return {
      status: 201,
      body: { sha, url: this.url(`/git/commits/${sha}`), message: body.message, tree: { sha: body.tree } },
    };
  }

  private async createRef(request: FakeRequest): Promise<FakeAnswer> {
    const body = request.body as { ref: string; sha: string };
    const branch = body.ref.replace(/^refs\/heads\//, '');
    if (!body.ref.startsWith('refs/heads/') && !body.ref.startsWith('refs/tags/'))
      return error(422, "Reference name must start with 'refs/' and have at least two slashes.");
    if (await this.repository.branch(branch)) return error(422, 'Reference already exists');
    if ((await this.repository.objectType(body.sha)) !== 'commit') return error(422, 'Object does not exist');
    await this.repository.updateRef(branch, body.sha);
    return { status: 201, body: this.refBody(branch, body.sha) };
  }

  private async updateRef(request: FakeRequest): Promise<FakeAnswer> {
    const branch = request.params[0]!;
    const body = request.body as { sha: string; force?: boolean };
    const current = await this.repository.branch(branch);
    if (!current) return error(422, 'Reference does not exist');
    if ((await this.repository.objectType(body.sha)) !== 'commit') return error(422, 'Object does not exist');
    if (!body.force && !(await this.repository.isAncestor(current, body.sha)))
      return error(422, 'Update is not a fast forward');
    await this.repository.updateRef(branch, body.sha, current);
    return { status: 200, body: this.refBody(branch, body.sha) };
  }

  private listPulls(request: FakeRequest): FakeAnswer {
    const state = request.query.get('state') ?? 'open';
    const head = request.query.get('head');
    const base = request.query.get('base');
    const matching = this.pulls.filter(
      (pull) =>
        (state === 'all' || pull.state === state) &&
        (!head || `${this.owner}:${pull.head}` === head) &&
        (!base || pull.base === base),
    );
    const page = paged(matching, request, this.server.origin, 100, 30);
    return { status: 200, body: page.items.map((pull) => this.pullBody(pull)), headers: page.headers };
  }

  private pullBody(pull: FakePull) {
    return {
      number: pull.number,
      state: pull.state,
      title: pull.title,
      body: pull.body,
      html_url: `${this.server.origin}/${this.owner}/${this.name}/pull/${pull.number}`,
      url: this.url(`/pulls/${pull.number}`),
      head: { ref: pull.head, label: `${this.owner}:${pull.head}` },
      base: { ref: pull.base, label: `${this.owner}:${pull.base}` },
    };
  }

  private async createPull(request: FakeRequest): Promise<FakeAnswer> {
    const body = request.body as { title: string; head: string; base: string; body?: string };
    const [headSha, baseSha] = [
      await this.repository.branch(body.head),
      await this.repository.branch(body.base),
    ];
    if (!headSha) return validationFailed([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    if (!baseSha) return validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    if (
      this.pulls.some((pull) => pull.state === 'open' && pull.head === body.head && pull.base === body.base)
    )
      return validationFailed([
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${this.owner}:${body.head}.`,
        },
      ]);
    if (await this.repository.isAncestor(headSha, baseSha))
      return validationFailed([
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `No commits between ${body.base} and ${body.head}`,
        },
      ]);
    const pull: FakePull = {
      number: this.pulls.length + 1,
      title: body.title,
      body: body.body ?? '',
      head: body.head,
      base: body.base,
      state: 'open',
    };
    this.pulls.push(pull);
    return { status: 201, body: this.pullBody(pull) };
  }

  private updatePull(request: FakeRequest): FakeAnswer {
    const pull = this.pulls.find((item) => item.number === Number(request.params[0]));
    if (!pull) return error(404, 'Not Found');
    const body = request.body as { title?: string; body?: string };
    if (body.title !== undefined) pull.title = body.title;
    if (body.body !== undefined) pull.body = body.body;
    return { status: 200, body: this.pullBody(pull) };
  }
}
