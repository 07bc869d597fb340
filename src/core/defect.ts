/**
 * Defect history as sources/defects reads it from a tracker export (Jira JSON, CSV). Generic on
 * purpose: the optimiser ranks suggestions with it and the test planner prioritises with it.
 */
export interface DefectRecord {
  /** The tracker key: `COMPUTE-123`. */
  key: string;
  summary: string;
  /** Component names as the tracker holds them (`Disks`, `Compute API / VMs`). */
  components: string[];
  /** As the tracker names it (`Blocker`, `High`, `P2`); see `defectSeverity` for a scale. */
  priority: string | undefined;
  /** ISO 8601 when the source gave a date that parses, else the text as given. */
  created: string | undefined;
  /** Undefined while the defect is open. */
  resolution: string | undefined;
  /** Where the record was read: the file and its line (CSV) or array index (JSON, 1-based). */
  source: { file: string; line: number };
}

export interface DefectHistory {
  /** `jira-jql`: fetched from Jira with `--defects jira:<JQL>`; `file` is then `jira:<JQL>`. */
  format: 'jira-json' | 'jira-jql' | 'csv';
  file: string;
  records: DefectRecord[];
  /** Rows that could not be read, with why; the other rows are kept. */
  issues: { line: number; message: string }[];
}

/** 3 for blocker/critical/highest/P1, 2 for high/major/P2, 1 for the rest (medium, low, unknown). */
export function defectSeverity(record: DefectRecord): 1 | 2 | 3 {
  const priority = (record.priority ?? '').trim().toLowerCase();
  if (/^(blocker|critical|highest|urgent|p0|p1|s1)\b/.test(priority)) return 3;
  if (/^(high|major|p2|s2)\b/.test(priority)) return 2;
  return 1;
}

/**
 * Whether a defect is still open: no resolution, or one that trackers use for "not done"
 * (Jira exports write `Unresolved`).
 */
export function isDefectOpen(record: DefectRecord): boolean {
  const resolution = (record.resolution ?? '').trim().toLowerCase();
  return resolution === '' || resolution === 'unresolved' || resolution === 'none';
}
