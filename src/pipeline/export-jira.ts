import { ignoreEvents, type EventSink } from '../core/events.ts';
import type { FindingSeverity } from '../core/run-report.ts';
import { type JiraConnection, jiraConnection, jiraHttp } from '../integrations/jira/jira-connection.ts';
import { DEFAULT_PRIORITIES } from '../integrations/jira/defect-issue.ts';
import {
  type JiraExportResult,
  draftIssues,
  planJiraExport,
  runJiraExport,
} from '../integrations/jira/jira-export.ts';
import { readRunReport } from '../integrations/jira/read-run-report.ts';
import type { VendorHttpOptions } from '../integrations/vendor-http.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';
import { logVendorRetries } from './vendor-retry-log.ts';

export interface ExportJiraOptions {
  /** `testops-report.json`, or the suite folder holding it. */
  report: string;
  /** The site and credentials: checked here (a dry run needs no token). */
  connection: Parameters<typeof jiraConnection>[0];
  projectKey: string;
  issueType: string;
  reportUrl?: string | undefined;
  /** false: leave the project's default priority (a screen without the field refuses it). */
  priorities?: Record<FindingSeverity, string> | false;
  dryRun: boolean;
  guard: UrlGuardOptions;
  /** Retry timing, for tests. */
  http?: Partial<Pick<VendorHttpOptions, 'baseDelayMs' | 'maxDelayMs' | 'timeoutMs'>>;
  events?: EventSink;
}

export interface ExportJiraResult extends JiraExportResult {
  report: string;
  flavour: JiraConnection['flavour'];
  findings: number;
}

/**
 * `testops export jira`: one Jira issue per finding of a run report, found again by its
 * fingerprint label on the next export. A dry run reads the report and evidence and returns the
 * requests it would send, sending none.
 */
export async function exportJira(options: ExportJiraOptions): Promise<ExportJiraResult> {
  const events = options.events ?? ignoreEvents;
  const connection = jiraConnection(options.connection);
  const loaded = await readRunReport(options.report);
  const target = {
    flavour: connection.flavour,
    projectKey: options.projectKey,
    issueType: options.issueType,
    reportUrl: options.reportUrl,
    priorities: options.priorities === false ? undefined : (options.priorities ?? DEFAULT_PRIORITIES),
  };
  const drafts = await draftIssues(loaded, target);
  const base = { report: loaded.file, flavour: target.flavour, findings: drafts.length };
  if (options.dryRun) return { ...base, ...planJiraExport(loaded.report, drafts, target) };
  const http = jiraHttp(connection, {
    guard: options.guard,
    ...options.http,
    onRetry: logVendorRetries('Jira', events),
  });
  const result = await runJiraExport(http, loaded, drafts, target, (item) =>
    events({ type: 'log', level: 'info', message: `${item.key ?? '?'} ${item.action}: ${item.summary}` }),
  );
  return { ...base, ...result };
}
