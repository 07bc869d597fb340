import type { ExportFile } from './export-files.ts';
import { gitBlobSha } from './git-blob.ts';

/** What one export changes on the branch. */
export interface RepositoryChanges {
  create: ExportFile[];
  update: ExportFile[];
  /** Paths removed: files an earlier export added that the suite no longer has. */
  delete: string[];
  unchanged: number;
}

export interface ChangeInputs {
  /** Repository paths and contents of the export. */
  files: readonly ExportFile[];
  /** Blob ids of the files on the ref the commit goes on top of (the branch, or the base when it is new). */
  onRef: ReadonlyMap<string, string>;
  /**
   * Paths of the base branch when the export branch exists already: a file under `scope` on the
   * branch but neither in the export nor on the base was added by an earlier export, and goes.
   * Files the base has are never deleted, whoever changed them.
   */
  onBase: ReadonlySet<string> | undefined;
  /** The folder the export owns ('' for the repository root). */
  scope: string;
}

/** Create vs update by blob id, and nothing for a file whose content is already there. */
export function repositoryChanges(inputs: ChangeInputs): RepositoryChanges {
  const changes: RepositoryChanges = { create: [], update: [], delete: [], unchanged: 0 };
  const exported = new Set(inputs.files.map((file) => file.path));
  for (const file of inputs.files) {
    const existing = inputs.onRef.get(file.path);
    if (existing === undefined) changes.create.push(file);
    else if (existing !== gitBlobSha(file.content)) changes.update.push(file);
    else changes.unchanged += 1;
  }
  if (inputs.onBase) {
    const prefix = inputs.scope === '' ? '' : `${inputs.scope}/`;
    for (const path of inputs.onRef.keys())
      if (path.startsWith(prefix) && !exported.has(path) && !inputs.onBase.has(path))
        changes.delete.push(path);
  }
  changes.delete.sort();
  return changes;
}

export function changeCount(changes: RepositoryChanges): number {
  return changes.create.length + changes.update.length + changes.delete.length;
}
