// A suite to GitHub (github.com or Enterprise Server) through the Git Data API: blobs → one
// tree → one commit → the branch ref, so every file lands in one atomic commit; then one pull
// request. A re-export commits only what changed (nothing when nothing did) and updates the
// branch's open pull request.
// https://docs.github.com/en/rest/git and https://docs.github.com/en/rest/pulls/pulls
import { timedStage } from '../../core/events.ts';
import { TestopsError } from '../../core/errors.ts';
import { mapLimit } from '../../core/map-limit.ts';
import { githubWorkflowFile } from '../repository/ci-files.ts';
import type { PlannedCall } from '../repository/dry-run.ts';
import { openOrUpdateReview } from '../repository/review-request.ts';
import type { ExportFile } from '../repository/export-files.ts';
import { changeCount, repositoryChanges, type RepositoryChanges } from '../repository/repository-changes.ts';
import {
  exportResult,
  type PreparedExport,
  type RepositoryExportRequest,
  type RepositoryExportResult,
  type ReviewRequest,
} from '../repository/repository-export.ts';
import type { VendorHttp } from '../vendor-http.ts';

interface TreeListing {
  sha: string;
  truncated: boolean;
  tree: { path: string; type: string; sha: string; mode: string }[];
}
interface PullRequest {
  number: number;
  html_url: string;
}

/** Blobs uploaded at once: enough to hide latency, few enough not to trip secondary rate limits. */
const BLOB_CONCURRENCY = 4;
const FILE_MODE = '100644';

const repoPath = (repo: string) => `repos/${repo.split('/').map(encodeURIComponent).join('/')}`;
const refPath = (branch: string) => `heads/${branch.split('/').map(encodeURIComponent).join('/')}`;

export async function exportToGithub(
  http: VendorHttp,
  request: RepositoryExportRequest,
  prepared: PreparedExport,
): Promise<RepositoryExportResult> {
  const { target, events } = request;
  const repo = repoPath(target.repo);
  const state = await timedStage(events, 'read the GitHub repository', () => readState(http, request));
  const { base, branchSha, head, headTree, onRef, onBase } = state.result;
  const notes: string[] = [];
  const files = [...prepared.files];
  if (target.ci) {
    const workflow = githubWorkflowFile(prepared.summary, target.directory);
    if (workflow) files.push(workflow);
    else notes.push('no workflow: the folder holds no suite a runner can run (a case set).');
  }
  const changes = repositoryChanges({ files, onRef, onBase, scope: target.directory });
  let commit: string | undefined;
  if (changeCount(changes) > 0) {
    const stage = `commit ${changeCount(changes)} change(s) to ${target.branch}`;
    commit = (
      await timedStage(events, stage, () => commitChanges(http, { repo, changes, head, headTree, prepared }))
    ).result;
    await withWorkflowScope(files, () =>
      branchSha
        ? http.request({
            method: 'PATCH',
            path: `${repo}/git/refs/${refPath(target.branch)}`,
            body: { sha: commit, force: false },
          })
        : http.request({
            method: 'POST',
            path: `${repo}/git/refs`,
            body: { ref: `refs/heads/${target.branch}`, sha: commit },
          }),
    );
  } else
    events({
      type: 'log',
      level: 'info',
      message: `nothing changed on ${branchSha ? target.branch : base}: no commit`,
    });
  const branchExists = branchSha !== undefined || commit !== undefined;
  const review = branchExists
    ? (
        await timedStage(events, 'open or update the pull request', () =>
          pullRequest(http, target.repo, target.branch, base, prepared),
        )
      ).result
    : undefined;
  if (!branchExists)
    notes.push(`${base} already holds the suite as it is: no branch and no pull request were needed.`);
  return exportResult(target, base, changes, { commit, review, notes });
}

async function readState(http: VendorHttp, request: RepositoryExportRequest) {
  const { target, signal } = request;
  const repo = repoPath(target.repo);
  const info = await http.request<{ default_branch: string }>({ path: repo, ...(signal ? { signal } : {}) });
  const base = target.baseBranch ?? info.body.default_branch;
  const branch = await http.request<{ object: { sha: string } }>({
    path: `${repo}/git/ref/${refPath(target.branch)}`,
    accept: [404],
  });
  const branchSha = branch.status === 200 ? branch.body.object.sha : undefined;
  const baseSha = (
    await http.request<{ object: { sha: string } }>({ path: `${repo}/git/ref/${refPath(base)}` })
  ).body.object.sha;
  const head = branchSha ?? baseSha;
  const headListing = await treeOf(http, repo, head);
  const onBase = branchSha ? new Set((await treeOf(http, repo, baseSha)).blobs.keys()) : undefined;
  return { base, branchSha, head, headTree: headListing.tree, onRef: headListing.blobs, onBase };
}

/** The commit's tree id and its blobs by path (one recursive listing). */
async function treeOf(http: VendorHttp, repo: string, commitSha: string) {
  const commit = await http.request<{ tree: { sha: string } }>({ path: `${repo}/git/commits/${commitSha}` });
  const listing = await http.request<TreeListing>({
    path: `${repo}/git/trees/${commit.body.tree.sha}`,
    query: { recursive: 1 },
  });
  if (listing.body.truncated)
    throw new TestopsError(
      'TESTOPS_VENDOR_REJECTED',
      'the repository has more files than GitHub lists in one tree',
      {
        where: `${http.baseUrl.href}${repo}`,
        hint: 'export to a repository (or a base branch) with fewer files; GitHub truncates recursive trees past 100,000 entries.',
      },
    );
  const blobs = new Map(
    listing.body.tree.filter((entry) => entry.type === 'blob').map((entry) => [entry.path, entry.sha]),
  );
  return { tree: commit.body.tree.sha, blobs };
}

async function commitChanges(
  http: VendorHttp,
  input: {
    repo: string;
    changes: RepositoryChanges;
    head: string;
    headTree: string;
    prepared: PreparedExport;
  },
): Promise<string> {
  const { repo, changes } = input;
  const written = await mapLimit(
    [...changes.create, ...changes.update],
    BLOB_CONCURRENCY,
    async (file: ExportFile) => {
      // Blobs are content-addressed: sending one twice stores it once, so a 5xx is safe to retry.
      const blob = await http.request<{ sha: string }>({
        method: 'POST',
        path: `${repo}/git/blobs`,
        body: { content: file.content.toString('base64'), encoding: 'base64' },
        idempotent: true,
      });
      return { path: file.path, mode: FILE_MODE, type: 'blob', sha: blob.body.sha };
    },
  );
  const removed = changes.delete.map((path) => ({ path, mode: FILE_MODE, type: 'blob', sha: null }));
  const tree = await http.request<{ sha: string }>({
    method: 'POST',
    path: `${repo}/git/trees`,
    body: { base_tree: input.headTree, tree: [...written, ...removed] },
    idempotent: true,
  });
  const commit = await http.request<{ sha: string }>({
    method: 'POST',
    path: `${repo}/git/commits`,
    body: { message: input.prepared.commitMessage, tree: tree.body.sha, parents: [input.head] },
    // A second identical commit is only an unreferenced object: nothing points at it.
    idempotent: true,
  });
  return commit.body.sha;
}

/**
 * GitHub refuses to move a ref onto a tree with workflow files (ours with --ci, or the base's on a
 * new branch) for a token without the "workflow" scope: "refusing to allow a Personal Access
 * Token to create or update workflow … without `workflow` scope". Say so by name.
 */
async function withWorkflowScope<T>(files: readonly ExportFile[], update: () => Promise<T>): Promise<T> {
  try {
    return await update();
  } catch (error) {
    if (!(error instanceof TestopsError) || !/without `?workflows?`? (scope|permission)/i.test(error.message))
      throw error;
    const ours = files.some((file) => file.path.startsWith('.github/workflows/'));
    throw new TestopsError(
      'TESTOPS_VENDOR_FORBIDDEN',
      'the token lacks the scope "workflow" (GitHub refused a branch holding workflow files)',
      {
        ...(error.where ? { where: error.where } : {}),
        expected: 'a token with the scope "workflow" (fine-grained: Workflows read and write)',
        hint: ours
          ? 'give the token the workflow scope, or export without --ci.'
          : 'give the token the workflow scope: the base branch holds workflow files.',
        cause: error,
      },
    );
  }
}

async function pullRequest(
  http: VendorHttp,
  repoName: string,
  branch: string,
  base: string,
  prepared: PreparedExport,
): Promise<ReviewRequest> {
  const repo = repoPath(repoName);
  const owner = repoName.split('/')[0]!;
  const text = { title: prepared.summary.title, body: prepared.summary.description };
  return openOrUpdateReview<PullRequest>(http, {
    listOpen: { path: `${repo}/pulls`, query: { head: `${owner}:${branch}`, base, state: 'open' } },
    update: (current) => ({ method: 'PATCH', path: `${repo}/pulls/${current.number}`, body: text }),
    create: { method: 'POST', path: `${repo}/pulls`, body: { ...text, head: branch, base } },
    view: (pull) => ({ number: pull.number, url: pull.html_url }),
  });
}

/** The calls `exportToGithub` makes, for --dry-run. */
export function githubPlannedCalls(request: RepositoryExportRequest): PlannedCall[] {
  const { target } = request;
  const repo = repoPath(target.repo);
  return [
    { method: 'GET', path: repo, why: 'the default branch (the base unless --base-branch is given)' },
    {
      method: 'GET',
      path: `${repo}/git/ref/${refPath(target.branch)}`,
      why: 'whether the branch exists (a re-export)',
    },
    { method: 'GET', path: `${repo}/git/ref/heads/<base>`, why: 'the base branch’s commit' },
    {
      method: 'GET',
      path: `${repo}/git/commits/<sha>, ${repo}/git/trees/<sha>?recursive=1`,
      why: 'blob ids on the branch: create, update or nothing per file',
    },
    {
      method: 'POST',
      path: `${repo}/git/blobs`,
      why: 'one per new or changed file; skipped when nothing changed',
    },
    {
      method: 'POST',
      path: `${repo}/git/trees, ${repo}/git/commits`,
      why: 'one tree and one commit holding every change',
    },
    {
      method: 'POST or PATCH',
      path: `${repo}/git/refs`,
      why: `create ${target.branch}, or move it to the new commit`,
    },
    { method: 'GET', path: `${repo}/pulls`, why: `the open pull request of ${target.branch}` },
    { method: 'POST or PATCH', path: `${repo}/pulls`, why: 'open it, or update its title and body' },
  ];
}
