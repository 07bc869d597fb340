import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TestopsError } from '../../../core/errors.ts';
import { exportAllureTestops } from '../../../pipeline/export-allure-testops.ts';
import { exportJira } from '../../../pipeline/export-jira.ts';
import { type ExecutorContext, type ExecutorResult, guardFor } from '../executor.ts';
import type { AllureExportTarget, ExportInput, JiraExportTarget } from '../job-inputs.ts';

/** Where the cases an Allure TestOps export updated (with their `@allure.id`) are kept. */
export const ALLURE_CASES_ARTIFACT = 'allure-cases';

/**
 * Jira and Allure TestOps targets of the export job: the token is the project secret the target
 * names, read for this job only and masked in everything it writes.
 */
export async function runIssueTrackerExport(
  input: ExportInput,
  target: JiraExportTarget | AllureExportTarget,
  run: { context: ExecutorContext; folder: string },
): Promise<ExecutorResult> {
  const { context, folder } = run;
  const token = context.secrets.named?.[target.token_secret];
  if (!token && !input.dry_run) throw missingSecret(context, target.token_secret);
  const common = {
    dryRun: input.dry_run,
    guard: guardFor(context, target.base_url),
    events: context.events,
  };
  if (target.vendor === 'jira') {
    const result = await exportJira({
      ...common,
      report: folder,
      connection: {
        baseUrl: target.base_url,
        flavour: target.flavour,
        email: target.email,
        token,
        tokenOptional: input.dry_run,
      },
      projectKey: target.project_key,
      issueType: target.issue_type,
      reportUrl: target.report_url,
      ...(target.priority ? {} : { priorities: false as const }),
    });
    await writeFile(join(context.outputDir, 'export-result.json'), `${JSON.stringify(result, null, 2)}\n`);
    const count = (action: string) => result.items.filter((item) => item.action === action).length;
    return {
      summary: {
        vendor: 'jira',
        dry_run: input.dry_run,
        findings: result.findings,
        created: count('created'),
        commented: count('commented'),
        unchanged: count('unchanged'),
        issues: result.items.map((item) => item.key).filter((key) => key !== undefined),
      },
      tests: [],
      report: { kind: 'export', report: result as unknown as Record<string, unknown> },
      errors: [],
    };
  }
  const result = await exportAllureTestops({
    ...common,
    casesDir: folder,
    connection: {
      endpoint: target.base_url,
      projectId: target.project_id,
      apiToken: token,
      tokenOptional: input.dry_run,
    },
  });
  await writeFile(join(context.outputDir, 'export-result.json'), `${JSON.stringify(result, null, 2)}\n`);
  // The IDs live in the code: the updated cases are this job's artifacts, and exporting them
  // again (task_id of this job, task_folder "allure-cases") updates the same test cases.
  if (!input.dry_run) await cp(folder, join(context.outputDir, ALLURE_CASES_ARTIFACT), { recursive: true });
  const count = (action: string) => result.items.filter((item) => item.action === action).length;
  return {
    summary: {
      vendor: 'allure-testops',
      dry_run: input.dry_run,
      project_id: result.projectId,
      created: count('created') + count('recreated'),
      updated: count('updated'),
    },
    tests: [],
    report: { kind: 'export', report: result as unknown as Record<string, unknown> },
    errors: [],
  };
}

function missingSecret(context: ExecutorContext, name: string): TestopsError {
  return new TestopsError(
    'TESTOPS_VENDOR_TOKEN_MISSING',
    `project "${context.job.projectId}" has no secret named "${name}"`,
    {
      where: 'target.token_secret',
      hint: `store it: POST /api/v1/projects/${context.job.projectId}/secrets with {"name": "${name}", "value": "<token>"}.`,
    },
  );
}
