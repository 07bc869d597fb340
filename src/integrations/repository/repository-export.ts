import type { EventSink } from '../../core/events.ts';
import { TestopsError } from '../../core/errors.ts';
import type { ExportFile } from './export-files.ts';
import type { RepositoryChanges } from './repository-changes.ts';
import type { RepositoryTarget } from './repository-target.ts';
import { suiteSummary, type SuiteSummary } from './suite-summary.ts';

/** One export of a suite folder to a repository. */
export interface RepositoryExportRequest {
  target: RepositoryTarget;
  /** The suite's files, relative to the suite folder. */
  files: readonly ExportFile[];
  events: EventSink;
  signal?: AbortSignal;
}

export interface ReviewRequest {
  /** The merge request's iid or the pull request's number. */
  number: number;
  url: string;
  /** false: an open one for the branch was updated. */
  created: boolean;
}

export interface RepositoryExportResult {
  vendor: RepositoryTarget['vendor'];
  repo: string;
  branch: string;
  baseBranch: string;
  /** The new commit; undefined when nothing changed (no empty commit is made). */
  commit: string | undefined;
  created: string[];
  updated: string[];
  deleted: string[];
  unchanged: number;
  review: ReviewRequest | undefined;
  /** What the user should know: a CI file written beside theirs, a case set with no CI job. */
  notes: string[];
}

/** The suite as the repository will hold it: paths under the target folder, and its summary. */
export interface PreparedExport {
  files: ExportFile[];
  summary: SuiteSummary;
  commitMessage: string;
}

/** `holdsSecret` says whether a text holds the token in any form (the vendor client's scrubber knows them). */
export function prepareExport(
  request: RepositoryExportRequest,
  holdsSecret: (text: string) => boolean,
): PreparedExport {
  const { directory } = request.target;
  if (request.files.length === 0)
    throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'the folder has no files to export', {
      where: directory || '.',
      expected: 'a generated suite or case set',
    });
  for (const file of request.files)
    if (holdsSecret(file.content.toString('latin1')) || holdsSecret(file.content.toString('utf8')))
      throw new TestopsError('TESTOPS_INVALID_ARGUMENT', 'a file of the suite holds the vendor token', {
        where: file.path,
        hint: 'remove the token from the file (or list the file in the folder’s .gitignore); tokens are never exported.',
      });
  const summary = suiteSummary(request.files, directory);
  return {
    files: request.files.map((file) => ({
      path: directory === '' ? file.path : `${directory}/${file.path}`,
      content: file.content,
    })),
    summary,
    commitMessage: `${summary.title}\n\nExported by TestOps Copilot (testops export).`,
  };
}

export function exportResult(
  target: RepositoryTarget,
  baseBranch: string,
  changes: RepositoryChanges,
  outcome: { commit: string | undefined; review: ReviewRequest | undefined; notes: string[] },
): RepositoryExportResult {
  return {
    vendor: target.vendor,
    repo: target.repo,
    branch: target.branch,
    baseBranch,
    commit: outcome.commit,
    created: changes.create.map((file) => file.path),
    updated: changes.update.map((file) => file.path),
    deleted: changes.delete,
    unchanged: changes.unchanged,
    review: outcome.review,
    notes: outcome.notes,
  };
}
