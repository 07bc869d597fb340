import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TestopsError } from '../../../core/errors.ts';
import { exportSuite } from '../../../pipeline/export-suite.ts';
import { EXPORT_SOURCE_DIR } from '../export-sources.ts';
import { guardFor, type ExecutorContext, type JobExecutor } from '../executor.ts';
import { exportInputSchema, type ExportInput } from '../job-inputs.ts';
import { runIssueTrackerExport } from './export-tracker.ts';
import { writeInlineFiles } from './inline-inputs.ts';

/** POST /export: a finished task's artifacts (or files sent) as one commit and a merge or pull request. */
export const runExportJob: JobExecutor = async (raw, context) => {
  const input = exportInputSchema.parse(raw);
  const { target } = input;
  if (target.vendor === 'jira' || target.vendor === 'allure-testops')
    return runIssueTrackerExport(input, target, { context, folder: await sourceFolder(input, context) });
  const token = context.secrets.named?.[target.token_secret];
  if (!token && !input.dry_run)
    throw new TestopsError(
      'TESTOPS_VENDOR_TOKEN_MISSING',
      `project "${context.job.projectId}" has no secret named "${target.token_secret}"`,
      {
        where: 'target.token_secret',
        hint: `store it: PUT /api/v1/projects/${context.job.projectId}/secrets/${target.token_secret} with {"value": "<token>"}.`,
      },
    );
  const outcome = await exportSuite({
    folder: await sourceFolder(input, context),
    target: {
      vendor: target.vendor,
      repo: target.repo,
      branch: target.branch,
      baseBranch: target.base_branch,
      directory: target.path,
      ci: target.ci,
    },
    baseUrl: target.base_url,
    token,
    guard: guardFor(context, target.base_url),
    dryRun: input.dry_run,
    events: context.events,
    signal: context.signal,
  });
  if (outcome.dryRun) {
    await writeFile(join(context.outputDir, 'export-plan.txt'), outcome.plan);
    return { summary: { vendor: target.vendor, dry_run: true }, tests: [], report: undefined, errors: [] };
  }
  const { result } = outcome;
  await writeFile(join(context.outputDir, 'export-result.json'), `${JSON.stringify(result, null, 2)}\n`);
  return {
    summary: {
      vendor: result.vendor,
      repo: result.repo,
      branch: result.branch,
      base_branch: result.baseBranch,
      commit: result.commit ?? null,
      created: result.created.length,
      updated: result.updated.length,
      deleted: result.deleted.length,
      unchanged: result.unchanged,
      review_url: result.review?.url ?? null,
      review_created: result.review?.created ?? null,
    },
    tests: [],
    report: { kind: 'export', report: result as unknown as Record<string, unknown> },
    errors: [],
  };
};

/** The inline files, or the exported task's artifacts (its only folder, or `task_folder`). */
async function sourceFolder(input: ExportInput, context: ExecutorContext): Promise<string> {
  if (input.files) return writeInlineFiles(join(context.inputDir, 'files'), input.files);
  const root = join(context.inputDir, EXPORT_SOURCE_DIR);
  if (input.task_folder) return join(root, input.task_folder);
  const entries = await readdir(root, { withFileTypes: true });
  const [only] = entries;
  return entries.length === 1 && only!.isDirectory() ? join(root, only!.name) : root;
}
