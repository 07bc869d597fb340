import type { Command } from 'commander';
import pc from 'picocolors';
import { TestopsError } from '../../core/errors.ts';
import type { FindingSeverity } from '../../core/run-report.ts';
import type { ExportJiraResult } from '../../pipeline/export-jira.ts';
import { progressPrinter } from '../progress.ts';
import { collectList } from '../parse-options.ts';
import { printPlannedRequests } from './export-plan-output.ts';

interface JiraFlags {
  project: string;
  baseUrl?: string;
  flavour?: string;
  issueType: string;
  reportUrl?: string;
  /** A list when given, false with --no-priority, true (commander's default for a negatable flag) otherwise. */
  priority: string[] | boolean;
  dryRun?: boolean;
  allowPrivate?: boolean;
  json?: boolean;
}

const SEVERITIES: readonly FindingSeverity[] = ['critical', 'major', 'minor', 'warning'];
const DEFAULT_PRIORITY_TEXT = 'critical=Highest, major=High, minor=Medium, warning=Low';

/** `testops export jira <report>`: a Jira issue per suspected defect of a run. */
export function registerJiraExport(group: Command, setExitCode: (code: number) => void): void {
  group
    .command('jira <report>')
    .description(
      'File a Jira issue per suspected defect of a run (testops-report.json or its suite folder), with evidence and reproduction; re-exports never duplicate.',
    )
    .requiredOption('--project <key>', 'the Jira project key, e.g. CALC')
    .option(
      '--base-url <url>',
      'the Jira site, e.g. https://your-site.atlassian.net (default: JIRA_BASE_URL)',
    )
    .option(
      '--flavour <flavour>',
      'cloud (REST v3, ADF) or server (Server/Data Center: REST v2, wiki markup); default: cloud for *.atlassian.net',
    )
    .option('--issue-type <name>', 'the issue type to create', 'Bug')
    .option('--report-url <url>', 'where the report or job can be read: linked from every issue')
    .option(
      '--priority <severity=name>',
      `priority per severity, repeatable (default: ${DEFAULT_PRIORITY_TEXT})`,
      collectList,
    )
    .option('--no-priority', "leave the project's default priority (for screens without the field)")
    .option('--dry-run', 'print the requests that would be sent and send nothing; needs no token')
    .option(
      '--allow-private',
      'allow a Jira on a private network (refused by default; loopback is always allowed here)',
    )
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      `
Token: Jira Cloud — JIRA_EMAIL (the account's email) and JIRA_API_TOKEN (an API token of that
account, sent as Basic auth); Server / Data Center — JIRA_API_TOKEN (a personal access token, sent
as Bearer). Read from the environment only, never printed, logged or written into an issue.

Each issue carries the labels testops, testops-<kind> and a fingerprint testops-fp-<hash> of the
finding. An export first searches the project for those fingerprints (JQL): a finding whose issue
exists is never filed again. Exporting the same report again writes nothing; a later run showing
the same defect adds one comment ("seen again") to the existing issue. The issue property
testops-export records the last run exported.

Exit code: 0 exported, 2 bad input or a token lacking a permission (the message names it),
3 Jira unreachable or failing.`,
    )
    .action(async (report: string, flags: JiraFlags) => {
      const [{ exportJira }, { jiraSettingsFromEnv }] = await Promise.all([
        import('../../pipeline/export-jira.ts'),
        import('../../integrations/jira/jira-connection.ts'),
      ]);
      const result = await exportJira({
        report,
        connection: jiraSettingsFromEnv(process.env, {
          baseUrl: flags.baseUrl,
          flavour: flags.flavour,
          tokenOptional: flags.dryRun ?? false,
        }),
        projectKey: flags.project,
        issueType: flags.issueType,
        reportUrl: flags.reportUrl,
        priorities:
          flags.priority === false ? false : priorities(Array.isArray(flags.priority) ? flags.priority : []),
        dryRun: flags.dryRun ?? false,
        guard: { allowPrivate: flags.allowPrivate ?? false, allowLoopback: true },
        events: progressPrinter(),
      });
      print(result, flags.json ?? false);
      setExitCode(0);
    });
}

function priorities(given: string[]): Record<FindingSeverity, string> | undefined {
  if (given.length === 0) return undefined;
  const chosen: Record<FindingSeverity, string> = {
    critical: 'Highest',
    major: 'High',
    minor: 'Medium',
    warning: 'Low',
  };
  for (const entry of given) {
    const [severity, name] = entry.split('=').map((part) => part.trim());
    if (!SEVERITIES.includes(severity as FindingSeverity) || !name) {
      throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `"${entry}" is not severity=priority`, {
        where: '--priority',
        expected: `one of ${SEVERITIES.join(', ')}, "=", and a Jira priority name (e.g. critical=Blocker)`,
        hint: `the defaults are ${DEFAULT_PRIORITY_TEXT}; --no-priority leaves the field out.`,
      });
    }
    chosen[severity as FindingSeverity] = name;
  }
  return chosen;
}

function print(result: ExportJiraResult, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  if (result.planned) {
    printPlannedRequests(
      `Dry run: ${result.findings} finding(s) of ${result.report}, Jira ${result.flavour}`,
      result.planned,
    );
    return;
  }
  const lines = result.items.map((item) => {
    const mark = item.action === 'unchanged' ? pc.dim('·') : pc.green('✓');
    return `${mark} ${item.key ?? ''} ${item.action}: ${item.summary}`;
  });
  process.stdout.write(
    `${[...lines, result.items.length === 0 ? 'No findings: nothing to export.' : ''].join('\n')}\n`,
  );
}
