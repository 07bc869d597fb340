// A self-managed GitLab (API v4 under /api/v4) implementing the project, branch, tree, file,
// commit-with-actions and merge request calls an export makes, over a real bare repository.
// GitLab publishes no OpenAPI package for these calls: requests are validated against
// gitlab-api-v4.json, written from GitLab's API documentation. Answers, pagination headers and
// error bodies have GitLab's shapes (`{"message": "404 Branch Not Found"}`, Grape's `{"error": …}`).
import { readFileSync } from 'node:fs';
import { BareRepository, type TreeChange } from './bare-repository.ts';
import {
  FakeVendorServer,
  paged,
  type FakeAnswer,
  type FakeRequest,
  type FakeRoute,
} from './fake-vendor-server.ts';
import { OpenApiRequestValidator } from './openapi-request-validator.ts';

export interface FakeMergeRequest {
  iid: number;
  title: string;
  description: string;
  source_branch: string;
  target_branch: string;
  state: 'opened' | 'closed' | 'merged';
}

const PROJECT_ID = 7;
const message = (status: number, text: string | string[]): FakeAnswer => ({
  status,
  body: { message: text },
});

export class FakeGitlab {
  readonly mergeRequests: FakeMergeRequest[] = [];
  readonly server: FakeVendorServer;

  private constructor(
    readonly repository: BareRepository,
    readonly path: string,
    readonly token: string,
    /** GitLab's largest page is 100; a test may make it smaller so a small suite spans pages. */
    private readonly maxPerPage: number,
  ) {
    const document = JSON.parse(
      readFileSync(new URL('./gitlab-api-v4.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    this.server = new FakeVendorServer({
      validator: new OpenApiRequestValidator(document, '/api/v4'),
      authorized: (headers) => headers['private-token'] === token,
      unauthorized: message(401, '401 Unauthorized'),
      notFound: message(404, '404 Not Found'),
      invalid: (problems) => ({ status: 400, body: { error: problems.join(', ') } }),
      routes: this.routes(),
    });
  }

  static async start(options: {
    path: string;
    token: string;
    files: Record<string, string>;
    maxPerPage?: number;
  }): Promise<FakeGitlab> {
    const repository = await BareRepository.create(options.files);
    const fake = new FakeGitlab(repository, options.path, options.token, options.maxPerPage ?? 100);
    await fake.server.start();
    return fake;
  }

  /** What a user gives as --base-url: the instance, not its API root. */
  get baseUrl(): string {
    return this.server.origin;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.repository.remove();
  }

  private routes(): FakeRoute[] {
    const project = `^/api/v4/projects/(?:${PROJECT_ID}|${encodeURIComponent(this.path).replace(/[.]/g, '\\.')})`;
    const route = (method: string, path: string, answer: FakeRoute['answer']): FakeRoute => ({
      method,
      pattern: new RegExp(`${project}${path}$`),
      answer,
    });
    return [
      route('GET', '', () => this.project()),
      route('GET', '/repository/branches/([^/]+)', (request) => this.branch(request.params[0]!)),
      route('GET', '/repository/tree', (request) => this.tree(request)),
      route('GET', '/repository/files/([^/]+)', (request) => this.file(request)),
      route('POST', '/repository/commits', (request) => this.commit(request)),
      route('GET', '/merge_requests', (request) => this.listMergeRequests(request)),
      route('POST', '/merge_requests', (request) => this.createMergeRequest(request)),
      route('PUT', '/merge_requests/(\\d+)', (request) => this.updateMergeRequest(request)),
    ];
  }

  private webUrl(path = ''): string {
    return `${this.server.origin}/${this.path}${path}`;
  }

  private project(): FakeAnswer {
    return {
      status: 200,
      body: {
        id: PROJECT_ID,
        path_with_namespace: this.path,
        default_branch: 'main',
        web_url: this.webUrl(),
        visibility: 'private',
      },
    };
  }

  private async branch(name: string): Promise<FakeAnswer> {
    const sha = await this.repository.branch(name);
    if (!sha) return message(404, '404 Branch Not Found');
    return {
      status: 200,
      body: {
        name,
        merged: false,
        protected: false,
        default: name === 'main',
        commit: { id: sha, short_id: sha.slice(0, 8) },
        web_url: this.webUrl(`/-/tree/${name}`),
      },
    };
  }

  private async tree(request: FakeRequest): Promise<FakeAnswer> {
    const ref = request.query.get('ref') ?? 'main';
    const sha = await this.repository.branch(ref);
    if (!sha) return message(404, '404 Tree Not Found');
    const path = request.query.get('path') ?? '';
    const recursive = request.query.get('recursive') === 'true';
    const all = await this.repository.listTree(sha, { withTrees: true, ...(path ? { path } : {}) });
    const prefix = path ? `${path}/` : '';
    const inside = all.filter(
      (entry) =>
        entry.path.startsWith(prefix) && (recursive || !entry.path.slice(prefix.length).includes('/')),
    );
    if (path && inside.length === 0) return message(404, '404 Tree Not Found');
    const entries = inside.map((entry) => ({
      id: entry.sha,
      name: entry.path.split('/').pop(),
      type: entry.type,
      path: entry.path,
      mode: entry.mode,
    }));
    const page = paged(entries, request, this.server.origin, this.maxPerPage, 20);
    return {
      status: 200,
      body: page.items,
      headers: {
        ...page.headers,
        'x-page': String(page.page),
        'x-per-page': String(page.perPage),
        'x-total': String(entries.length),
        'x-total-pages': String(page.last),
        'x-next-page': page.page < page.last ? String(page.page + 1) : '',
        'x-prev-page': page.page > 1 ? String(page.page - 1) : '',
      },
    };
  }

  private async file(request: FakeRequest): Promise<FakeAnswer> {
    const path = request.params[0]!;
    const ref = request.query.get('ref')!;
    const sha = await this.repository.branch(ref);
    const entry = sha
      ? (await this.repository.listTree(sha, { path })).find((item) => item.path === path)
      : undefined;
    if (!sha || !entry) return message(404, '404 File Not Found');
    const content = await this.repository.readBlob(entry.sha);
    return {
      status: 200,
      body: {
        file_name: path.split('/').pop(),
        file_path: path,
        size: content.length,
        encoding: 'base64',
        content: content.toString('base64'),
        ref,
        blob_id: entry.sha,
        commit_id: sha,
        last_commit_id: sha,
      },
    };
  }

  private async commit(request: FakeRequest): Promise<FakeAnswer> {
    const body = request.body as {
      branch: string;
      start_branch?: string;
      commit_message: string;
      actions: { action: string; file_path: string; content?: string; encoding?: string }[];
    };
    const existing = await this.repository.branch(body.branch);
    const start =
      existing ?? (body.start_branch ? await this.repository.branch(body.start_branch) : undefined);
    if (!start) return message(400, 'You can only create or edit files when you are on a branch');
    if (existing && body.start_branch && body.start_branch !== body.branch)
      return message(
        400,
        `A branch called '${body.branch}' already exists. Switch to that branch in order to make changes`,
      );
    const files = new Set((await this.repository.listTree(start)).map((entry) => entry.path));
    const changes: TreeChange[] = [];
    for (const action of body.actions) {
      const there = files.has(action.file_path);
      if (action.action === 'create' && there) return message(400, 'A file with this name already exists');
      if ((action.action === 'update' || action.action === 'delete') && !there)
        return message(400, "A file with this name doesn't exist");
      if (action.action === 'delete') changes.push({ path: action.file_path, sha: null });
      else {
        const content =
          action.encoding === 'base64'
            ? Buffer.from(action.content ?? '', 'base64')
            : Buffer.from(action.content ?? '');
        changes.push({ path: action.file_path, sha: await this.repository.hashBlob(content) });
      }
    }
    const tree = await this.repository.writeTree(await this.repository.treeOf(start), changes);
    const sha = await this.repository.commit(tree, [start], body.commit_message);
    await this.repository.updateRef(body.branch, sha, existing);
    return {
      status: 201,
      body: {
        id: sha,
        short_id: sha.slice(0, 8),
        title: body.commit_message.split('\n')[0],
        message: body.commit_message,
        parent_ids: [start],
        web_url: this.webUrl(`/-/commit/${sha}`),
      },
    };
  }

  private mergeRequestBody(mr: FakeMergeRequest) {
    return {
      id: 100 + mr.iid,
      project_id: PROJECT_ID,
      ...mr,
      web_url: this.webUrl(`/-/merge_requests/${mr.iid}`),
    };
  }

  private listMergeRequests(request: FakeRequest): FakeAnswer {
    const state = request.query.get('state') ?? 'all';
    const source = request.query.get('source_branch');
    const target = request.query.get('target_branch');
    const matching = this.mergeRequests.filter(
      (mr) =>
        (state === 'all' || mr.state === state) &&
        (!source || mr.source_branch === source) &&
        (!target || mr.target_branch === target),
    );
    const page = paged(matching, request, this.server.origin, this.maxPerPage, 20);
    return { status: 200, body: page.items.map((mr) => this.mergeRequestBody(mr)), headers: page.headers };
  }

  private async createMergeRequest(request: FakeRequest): Promise<FakeAnswer> {
    const body = request.body as {
      source_branch: string;
      target_branch: string;
      title: string;
      description?: string;
    };
    if (!(await this.repository.branch(body.source_branch)))
      return message(400, ['Source branch does not exist']);
    const open = this.mergeRequests.find(
      (mr) =>
        mr.state === 'opened' &&
        mr.source_branch === body.source_branch &&
        mr.target_branch === body.target_branch,
    );
    if (open)
      return message(409, [`Another open merge request already exists for this source branch: !${open.iid}`]);
    const mr: FakeMergeRequest = {
      iid: this.mergeRequests.length + 1,
      title: body.title,
      description: body.description ?? '',
      source_branch: body.source_branch,
      target_branch: body.target_branch,
      state: 'opened',
    };
    this.mergeRequests.push(mr);
    return { status: 201, body: this.mergeRequestBody(mr) };
  }

  private updateMergeRequest(request: FakeRequest): FakeAnswer {
    const mr = this.mergeRequests.find((item) => item.iid === Number(request.params[0]));
    if (!mr) return message(404, '404 Not found');
    const body = request.body as { title?: string; description?: string };
    if (body.title !== undefined) mr.title = body.title;
    if (body.description !== undefined) mr.description = body.description;
    return { status: 200, body: this.mergeRequestBody(mr) };
  }
}
