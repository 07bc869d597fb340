import { failingExchange } from '../../core/failing-exchange.ts';
import type { Finding, FindingSeverity, RecordedExchange, RunReport } from '../../core/run-report.ts';
import type { DefectEvidence } from './defect-evidence.ts';
import { TESTOPS_LABEL, defectFingerprint } from './defect-fingerprint.ts';
import { type IssueBlock, paragraph, text } from './issue-document.ts';

/** What one suspected defect becomes in Jira, before it is rendered for Cloud or Server. */
export interface DefectIssueDraft {
  fingerprint: string;
  findingId: string;
  summary: string;
  labels: string[];
  /** The Jira priority name, or undefined to leave the project's default. */
  priority: string | undefined;
  description: IssueBlock[];
}

/** Jira's default scheme names; `--priority` overrides per severity. */
export const DEFAULT_PRIORITIES: Record<FindingSeverity, string> = {
  critical: 'Highest',
  major: 'High',
  minor: 'Medium',
  warning: 'Low',
};

export interface DraftOptions {
  /** Where the run's report or job can be read: linked from every issue. */
  reportUrl: string | undefined;
  priorities: Record<FindingSeverity, string> | undefined;
  /** Occurrences listed at most (the rest are counted). */
  maxOccurrences?: number;
}

/** Jira refuses summaries over 255 characters. */
const SUMMARY_LIMIT = 255;
/** A response body shown in full up to this size; a description holds at most 32,767 characters. */
const BODY_LIMIT = 3000;

export function defectIssueDraft(
  report: RunReport,
  finding: Finding,
  evidence: DefectEvidence | undefined,
  options: DraftOptions,
): DefectIssueDraft {
  const fingerprint = defectFingerprint(report, finding);
  return {
    fingerprint,
    findingId: finding.id,
    summary: clip(`[TestOps] ${finding.title}`, SUMMARY_LIMIT),
    labels: [TESTOPS_LABEL, fingerprint, `testops-${finding.kind}`],
    priority: options.priorities?.[finding.severity],
    description: [
      paragraph(
        `Suspected ${finding.kind.replaceAll('-', ' ')} (${finding.severity}) found by TestOps Copilot: `,
        `the failing test failed on every run against ${report.target.baseUrl ?? 'the target'}.`,
      ),
      ...runLines(report, options.reportUrl),
      ...occurrenceBlocks(finding, options.maxOccurrences ?? 10),
      ...evidenceBlocks(finding, evidence),
      paragraph(
        text('Fingerprint '),
        { text: fingerprint, code: true },
        text(': re-exports find this issue by that label and comment here instead of filing it again.'),
      ),
    ],
  };
}

/** The comment a re-export adds when a later run shows the same defect again. */
export function seenAgainComment(
  report: RunReport,
  finding: Finding,
  reportUrl: string | undefined,
): IssueBlock[] {
  return [
    paragraph(
      `Seen again by TestOps Copilot in the run of ${report.generatedAt}: `,
      `${finding.occurrences.length} failing test(s).`,
    ),
    ...runLines(report, reportUrl).slice(1),
  ];
}

function runLines(report: RunReport, reportUrl: string | undefined): IssueBlock[] {
  return [
    paragraph(
      `Run ${report.generatedAt} of a ${report.kind.toUpperCase()} suite (${report.format}) `,
      `from ${report.target.spec ?? 'its source'}, repeated ${report.repeat} time(s).`,
    ),
    ...(reportUrl ? [paragraph(text('Report: '), { text: reportUrl, href: reportUrl })] : []),
  ];
}

function occurrenceBlocks(finding: Finding, limit: number): IssueBlock[] {
  const shown = finding.occurrences.slice(0, limit);
  const rest = finding.occurrences.length - shown.length;
  return [
    { kind: 'heading', text: 'Failing tests' },
    {
      kind: 'bullets',
      items: shown.map((occurrence) => [
        { text: occurrence.test, code: true },
        text(occurrence.operation ? ` — ${occurrence.operation}` : ''),
      ]),
    },
    ...(rest > 0 ? [paragraph(`…and ${rest} more (see the report).`)] : []),
  ];
}

function evidenceBlocks(finding: Finding, evidence: DefectEvidence | undefined): IssueBlock[] {
  const first = finding.occurrences[0];
  if (!first) return [];
  const curl = evidence?.curl ?? first.curl;
  const blocks: IssueBlock[] = [];
  if (curl)
    blocks.push({ kind: 'heading', text: 'Reproduce' }, { kind: 'code', language: 'bash', text: curl });
  if (!evidence) {
    return [
      ...blocks,
      paragraph(text('Evidence file '), { text: first.evidence, code: true }, text(' was not found.')),
    ];
  }
  blocks.push(
    { kind: 'heading', text: 'Expected' },
    paragraph(evidence.expected || '(not recorded)'),
    { kind: 'heading', text: 'Actual' },
    paragraph(evidence.actual || '(not recorded)'),
  );
  const exchange = failingExchange(evidence);
  if (exchange) blocks.push(...exchangeBlocks(exchange));
  blocks.push(
    { kind: 'heading', text: 'Evidence files' },
    {
      kind: 'bullets',
      items: [first.evidence, ...evidence.artifacts].map((path) => [{ text: path, code: true }]),
    },
  );
  return blocks;
}

function exchangeBlocks(exchange: RecordedExchange): IssueBlock[] {
  const { request, response } = exchange;
  const requestText = [
    `${request.method} ${request.url}`,
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
    ...(request.body ? ['', clip(request.body, BODY_LIMIT)] : []),
  ].join('\n');
  const responseText = response
    ? [
        `HTTP ${response.status}`,
        ...Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`),
        '',
        clip(response.body, BODY_LIMIT),
      ].join('\n')
    : 'No response (the connection failed or timed out).';
  return [
    { kind: 'heading', text: 'Request' },
    { kind: 'code', language: 'text', text: requestText },
    { kind: 'heading', text: 'Response' },
    { kind: 'code', language: 'text', text: responseText },
  ];
}

function clip(value: string, limit: number): string {
  return value.length <= limit ? value : `${value.slice(0, limit - 1)}…`;
}
