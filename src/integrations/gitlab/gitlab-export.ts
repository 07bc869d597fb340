// A suite to GitLab (API v4, gitlab.com or self-managed): one commit with actions on a branch,
// and one merge request for it. A re-export commits only what changed (nothing when nothing
// did) and updates the open merge request of the branch.
// https://docs.gitlab.com/api/commits/#create-a-commit-with-multiple-files-and-actions
import { timedStage } from '../../core/events.ts';
import { CI_MARKER, GITLAB_CI_FILE, GITLAB_CI_INCLUDE_FILE, gitlabCiFile } from '../repository/ci-files.ts';
import type { ExportFile } from '../repository/export-files.ts';
import { changeCount, repositoryChanges, type RepositoryChanges } from '../repository/repository-changes.ts';
import {
  exportResult,
  type PreparedExport,
  type RepositoryExportRequest,
  type RepositoryExportResult,
  type ReviewRequest,
} from '../repository/repository-export.ts';
import type { PlannedCall } from '../repository/dry-run.ts';
import { openOrUpdateReview } from '../repository/review-request.ts';
import type { VendorHttp } from '../vendor-http.ts';

interface Project {
  id: number;
  default_branch?: string | null;
}
interface TreeEntry {
  id: string;
  type: string;
  path: string;
}
interface MergeRequest {
  iid: number;
  web_url: string;
}

const projectPath = (repo: string) => `projects/${encodeURIComponent(repo)}`;
const ref = (name: string) => encodeURIComponent(name);

export async function exportToGitlab(
  http: VendorHttp,
  request: RepositoryExportRequest,
  prepared: PreparedExport,
): Promise<RepositoryExportResult> {
  const { target, events, signal } = request;
  const project = projectPath(target.repo);
  const read = await timedStage(events, 'read the GitLab project', async () => {
    const info = await http.request<Project>({ path: project, ...(signal ? { signal } : {}) });
    const base = target.baseBranch ?? info.body.default_branch ?? 'main';
    const branch = await http.request({
      path: `${project}/repository/branches/${ref(target.branch)}`,
      accept: [404],
    });
    const exists = branch.status === 200;
    const onRef = await blobsOf(http, project, exists ? target.branch : base, target.directory);
    const onBase = exists
      ? new Set((await blobsOf(http, project, base, target.directory)).keys())
      : undefined;
    return { base, exists, onRef, onBase };
  });
  const { base, exists, onRef, onBase } = read.result;
  const notes: string[] = [];
  const files = [...prepared.files];
  if (target.ci) {
    const ci = await ciFile(http, project, exists ? target.branch : base, prepared, target.directory);
    notes.push(...ci.notes);
    if (ci.file) {
      files.push(ci.file);
      if (ci.blobId) onRef.set(ci.file.path, ci.blobId);
    }
  }
  const changes = repositoryChanges({ files, onRef, onBase, scope: target.directory });
  let commit: string | undefined;
  if (changeCount(changes) > 0) {
    const committed = await timedStage(
      events,
      `commit ${changeCount(changes)} change(s) to ${target.branch}`,
      () =>
        http.request<{ id: string }>({
          method: 'POST',
          path: `${project}/repository/commits`,
          body: {
            branch: target.branch,
            ...(exists ? {} : { start_branch: base }),
            commit_message: prepared.commitMessage,
            actions: commitActions(changes),
          },
        }),
    );
    commit = committed.result.body.id;
  } else
    events({
      type: 'log',
      level: 'info',
      message: `nothing changed on ${exists ? target.branch : base}: no commit`,
    });
  const branchExists = exists || commit !== undefined;
  const review = branchExists
    ? (
        await timedStage(events, 'open or update the merge request', () =>
          mergeRequest(http, project, target.branch, base, prepared),
        )
      ).result
    : undefined;
  if (!branchExists)
    notes.push(`${base} already holds the suite as it is: no branch and no merge request were needed.`);
  return exportResult(target, base, changes, { commit, review, notes });
}

/** Every blob under `directory` on `refName`, by path; empty when the folder does not exist yet. */
async function blobsOf(
  http: VendorHttp,
  project: string,
  refName: string,
  directory: string,
): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  const request = {
    path: `${project}/repository/tree`,
    query: { ref: refName, recursive: true, per_page: 100, ...(directory ? { path: directory } : {}) },
    accept: [404],
  };
  for await (const page of http.pages<TreeEntry>(request))
    for (const entry of page) if (entry.type === 'blob') blobs.set(entry.path, entry.id);
  return blobs;
}

function commitActions(changes: RepositoryChanges) {
  const write = (action: 'create' | 'update') => (file: ExportFile) => ({
    action,
    file_path: file.path,
    content: file.content.toString('base64'),
    encoding: 'base64',
  });
  return [
    ...changes.create.map(write('create')),
    ...changes.update.map(write('update')),
    ...changes.delete.map((path) => ({ action: 'delete', file_path: path })),
  ];
}

/**
 * `.gitlab-ci.yml` when the project has none or has ours; beside it when the project's own CI
 * file is there (it is never replaced), with a note on the include that runs it.
 */
async function ciFile(
  http: VendorHttp,
  project: string,
  refName: string,
  prepared: PreparedExport,
  directory: string,
): Promise<{ file?: ExportFile; blobId?: string; notes: string[] }> {
  const existing = await http.request<{ blob_id: string; content: string }>({
    path: `${project}/repository/files/${encodeURIComponent(GITLAB_CI_FILE)}`,
    query: { ref: refName },
    accept: [404],
  });
  const theirs =
    existing.status === 200 &&
    !Buffer.from(existing.body.content, 'base64').toString('utf8').startsWith(CI_MARKER);
  const path = theirs
    ? directory
      ? `${directory}/${GITLAB_CI_INCLUDE_FILE}`
      : GITLAB_CI_INCLUDE_FILE
    : GITLAB_CI_FILE;
  const file = gitlabCiFile(prepared.summary, directory, path);
  if (!file) return { notes: ['no CI job: the folder holds no suite a runner can run (a case set).'] };
  const notes = theirs
    ? [
        `the project has its own ${GITLAB_CI_FILE}: the job is in ${path}; add \`include: [{ local: ${path} }]\` to run it.`,
      ]
    : [];
  return { file, ...(existing.status === 200 && !theirs ? { blobId: existing.body.blob_id } : {}), notes };
}

async function mergeRequest(
  http: VendorHttp,
  project: string,
  branch: string,
  base: string,
  prepared: PreparedExport,
): Promise<ReviewRequest> {
  const text = { title: prepared.summary.title, description: prepared.summary.description };
  return openOrUpdateReview<MergeRequest>(http, {
    listOpen: {
      path: `${project}/merge_requests`,
      query: { source_branch: branch, target_branch: base, state: 'opened' },
    },
    update: (current) => ({ method: 'PUT', path: `${project}/merge_requests/${current.iid}`, body: text }),
    create: {
      method: 'POST',
      path: `${project}/merge_requests`,
      body: { source_branch: branch, target_branch: base, ...text, remove_source_branch: true },
    },
    view: (mr) => ({ number: mr.iid, url: mr.web_url }),
  });
}

/** The calls `exportToGitlab` makes, for --dry-run. */
export function gitlabPlannedCalls(request: RepositoryExportRequest): PlannedCall[] {
  const { target } = request;
  const project = projectPath(target.repo);
  return [
    { method: 'GET', path: project, why: 'the default branch (the base unless --base-branch is given)' },
    {
      method: 'GET',
      path: `${project}/repository/branches/${ref(target.branch)}`,
      why: 'whether the branch exists (a re-export)',
    },
    {
      method: 'GET',
      path: `${project}/repository/tree`,
      why: `blob ids under ${target.directory || 'the root'}, paged: create, update or nothing per file`,
    },
    ...(target.ci
      ? [
          {
            method: 'GET' as const,
            path: `${project}/repository/files/${encodeURIComponent(GITLAB_CI_FILE)}`,
            why: 'whether a CI file of the project’s own is there (never replaced)',
          },
        ]
      : []),
    {
      method: 'POST',
      path: `${project}/repository/commits`,
      why: `one commit with create/update/delete actions on ${target.branch}; skipped when nothing changed`,
    },
    { method: 'GET', path: `${project}/merge_requests`, why: `the open merge request of ${target.branch}` },
    {
      method: 'POST or PUT',
      path: `${project}/merge_requests`,
      why: 'open it, or update its title and description',
    },
  ];
}
