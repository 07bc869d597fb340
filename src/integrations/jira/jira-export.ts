import type { Finding, FindingSeverity, RunReport } from '../../core/run-report.ts';
import type { VendorHttp } from '../vendor-http.ts';
import { toAdf } from './adf.ts';
import { readDefectEvidence } from './defect-evidence.ts';
import { TESTOPS_LABEL } from './defect-fingerprint.ts';
import { type DefectIssueDraft, defectIssueDraft, seenAgainComment } from './defect-issue.ts';
import type { IssueBlock } from './issue-document.ts';
import {
  type JiraBody,
  type JiraIssue,
  type NewIssue,
  addComment,
  apiRoot,
  createIssue,
  issueFields,
  searchIssues,
  setIssueProperty,
} from './jira-api.ts';
import type { JiraFlavour } from './jira-dialect.ts';
import type { LoadedReport } from './read-run-report.ts';
import { toWikiMarkup } from './wiki-markup.ts';

/**
 * Exports a run's suspected defects to Jira, one issue per finding, without duplicates:
 * - the issue carries the finding's fingerprint label; one JQL search finds every issue already
 *   filed for this report's findings before anything is created;
 * - an issue property (`testops-export`) records the last run exported to it: exporting the same
 *   report again writes nothing, a later run showing the same defect adds one comment ("seen
 *   again", with the run and its link). The description is never rewritten: people edit it.
 */
export const EXPORT_PROPERTY = 'testops-export';

export interface JiraTarget {
  flavour: JiraFlavour;
  projectKey: string;
  issueType: string;
  reportUrl: string | undefined;
  /** Priority names per severity; undefined leaves the project's default priority. */
  priorities: Record<FindingSeverity, string> | undefined;
}

export type JiraIssueAction = 'created' | 'commented' | 'unchanged';

export interface JiraExportItem {
  findingId: string;
  fingerprint: string;
  summary: string;
  action: JiraIssueAction | 'would-create-or-comment';
  key: string | undefined;
}

/** What a dry run prints: every request the export may send, without the token. */
export interface PlannedJiraRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  query?: Record<string, string | number>;
  body?: unknown;
  /** When it is sent. */
  when: string;
}

export interface JiraExportResult {
  items: JiraExportItem[];
  planned: PlannedJiraRequest[] | undefined;
}

/** Findings with the issue each becomes, evidence read from the suite folder. */
export async function draftIssues(loaded: LoadedReport, target: JiraTarget): Promise<DefectIssueDraft[]> {
  const drafts: DefectIssueDraft[] = [];
  for (const finding of loaded.report.findings) {
    const first = finding.occurrences[0];
    const evidence = first ? await readDefectEvidence(loaded.suiteDir, first.evidence) : undefined;
    drafts.push(
      defectIssueDraft(loaded.report, finding, evidence, {
        reportUrl: target.reportUrl,
        priorities: target.priorities,
      }),
    );
  }
  return drafts;
}

/** The requests a real export would send, for `--dry-run`: nothing is sent. */
export function planJiraExport(
  report: RunReport,
  drafts: DefectIssueDraft[],
  target: JiraTarget,
): JiraExportResult {
  const root = apiRoot(target.flavour);
  const planned: PlannedJiraRequest[] = [];
  if (drafts.length > 0) {
    planned.push({
      method: 'GET',
      path: `${root}/${target.flavour === 'cloud' ? 'search/jql' : 'search'}`,
      query: {
        jql: existingIssuesJql(target.projectKey, drafts),
        fields: 'summary,labels,status',
        properties: EXPORT_PROPERTY,
      },
      when: 'first: finds the issues already filed for these findings',
    });
  }
  for (const draft of drafts) {
    planned.push(
      {
        method: 'POST',
        path: `${root}/issue`,
        body: { fields: issueFields(newIssue(draft, target)) },
        when: `when no issue has the label ${draft.fingerprint}`,
      },
      {
        method: 'POST',
        path: `${root}/issue/{key}/comment`,
        body: {
          body: render(target.flavour, seenAgainComment(report, findingOf(report, draft), target.reportUrl)),
        },
        when: `when the issue with ${draft.fingerprint} was last exported from another run`,
      },
      {
        method: 'PUT',
        path: `${root}/issue/{key}/properties/${EXPORT_PROPERTY}`,
        body: exportProperty(report, draft),
        when: 'after creating or commenting',
      },
    );
  }
  return {
    items: drafts.map((draft) => ({
      findingId: draft.findingId,
      fingerprint: draft.fingerprint,
      summary: draft.summary,
      action: 'would-create-or-comment',
      key: undefined,
    })),
    planned,
  };
}

export interface JiraExportProgress {
  (item: JiraExportItem): void;
}

export async function runJiraExport(
  http: VendorHttp,
  loaded: LoadedReport,
  drafts: DefectIssueDraft[],
  target: JiraTarget,
  onItem?: JiraExportProgress,
): Promise<JiraExportResult> {
  const existing = drafts.length === 0 ? new Map() : await findExisting(http, target, drafts);
  const items: JiraExportItem[] = [];
  for (const draft of drafts) {
    const item = await exportOne(http, { loaded, draft, target, issue: existing.get(draft.fingerprint) });
    items.push(item);
    onItem?.(item);
  }
  return { items, planned: undefined };
}

async function exportOne(
  http: VendorHttp,
  context: {
    loaded: LoadedReport;
    draft: DefectIssueDraft;
    target: JiraTarget;
    issue: JiraIssue | undefined;
  },
): Promise<JiraExportItem> {
  const { loaded, draft, target } = context;
  const base = { findingId: draft.findingId, fingerprint: draft.fingerprint, summary: draft.summary };
  const property = exportProperty(loaded.report, draft);
  let issue = context.issue;
  if (!issue) {
    const created = await createOnce(http, target, draft);
    if (created.fresh) {
      await setIssueProperty(http, target.flavour, created.key, { name: EXPORT_PROPERTY, value: property });
      return { ...base, action: 'created', key: created.key };
    }
    issue = created.issue;
  }
  const last = (issue.properties?.[EXPORT_PROPERTY] as { lastRun?: unknown } | undefined)?.lastRun;
  if (last === loaded.report.generatedAt) return { ...base, action: 'unchanged', key: issue.key };
  const finding = findingOf(loaded.report, draft);
  await addComment(
    http,
    target.flavour,
    issue.key,
    render(target.flavour, seenAgainComment(loaded.report, finding, target.reportUrl)),
  );
  await setIssueProperty(http, target.flavour, issue.key, { name: EXPORT_PROPERTY, value: property });
  return { ...base, action: 'commented', key: issue.key };
}

/**
 * Creating is not idempotent, so the client does not repeat a POST that failed with a 5xx (Jira
 * may have created the issue). We look for the fingerprint once more and create again only when
 * no issue carries it.
 */
async function createOnce(
  http: VendorHttp,
  target: JiraTarget,
  draft: DefectIssueDraft,
): Promise<{ fresh: true; key: string } | { fresh: false; issue: JiraIssue }> {
  try {
    return { fresh: true, key: (await createIssue(http, target.flavour, newIssue(draft, target))).key };
  } catch (error) {
    if ((error as { code?: string }).code !== 'TESTOPS_VENDOR_UNAVAILABLE') throw error;
    const found = (await findExisting(http, target, [draft])).get(draft.fingerprint);
    if (found) return { fresh: false, issue: found };
    return { fresh: true, key: (await createIssue(http, target.flavour, newIssue(draft, target))).key };
  }
}

async function findExisting(
  http: VendorHttp,
  target: JiraTarget,
  drafts: DefectIssueDraft[],
): Promise<Map<string, JiraIssue>> {
  const issues = await searchIssues(http, target.flavour, {
    jql: existingIssuesJql(target.projectKey, drafts),
    fields: ['summary', 'labels', 'status'],
    properties: [EXPORT_PROPERTY],
    limit: 10_000,
  });
  const byFingerprint = new Map<string, JiraIssue>();
  for (const issue of issues) {
    const labels = Array.isArray(issue.fields['labels']) ? (issue.fields['labels'] as string[]) : [];
    for (const label of labels) if (!byFingerprint.has(label)) byFingerprint.set(label, issue);
  }
  return byFingerprint;
}

/** One search for every fingerprint of the report, oldest issue first (the one kept if two carry a label). */
export function existingIssuesJql(projectKey: string, drafts: DefectIssueDraft[]): string {
  const labels = drafts.map((draft) => `"${draft.fingerprint}"`).join(', ');
  return `project = "${projectKey.replace(/["\\]/g, '\\$&')}" AND labels = ${TESTOPS_LABEL} AND labels in (${labels}) ORDER BY created ASC`;
}

function newIssue(draft: DefectIssueDraft, target: JiraTarget): NewIssue {
  return {
    projectKey: target.projectKey,
    issueType: target.issueType,
    summary: draft.summary,
    description: render(target.flavour, draft.description),
    labels: draft.labels,
    priority: draft.priority,
  };
}

function exportProperty(report: RunReport, draft: DefectIssueDraft): Record<string, string> {
  return { fingerprint: draft.fingerprint, findingId: draft.findingId, lastRun: report.generatedAt };
}

function render(flavour: JiraFlavour, blocks: IssueBlock[]): JiraBody {
  return flavour === 'cloud' ? toAdf(blocks) : toWikiMarkup(blocks);
}

function findingOf(report: RunReport, draft: DefectIssueDraft): Finding {
  return report.findings.find((finding) => finding.id === draft.findingId)!;
}
