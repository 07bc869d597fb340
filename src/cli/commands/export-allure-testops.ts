import type { Command } from 'commander';
import pc from 'picocolors';
import type { ExportAllureResult } from '../../pipeline/export-allure-testops.ts';
import { progressPrinter } from '../progress.ts';
import { printPlannedRequests } from './export-plan-output.ts';

interface AllureFlags {
  endpoint?: string;
  project?: string;
  dryRun?: boolean;
  allowPrivate?: boolean;
  json?: boolean;
}

/** `testops export allure-testops <cases>`: create or update Allure TestOps test cases. */
export function registerAllureTestopsExport(group: Command, setExitCode: (code: number) => void): void {
  group
    .command('allure-testops <cases>')
    .description(
      'Create or update an Allure TestOps test case per manual case (a folder of `testops generate cases --format allure-python`), keeping each Allure ID in the code.',
    )
    .option(
      '--endpoint <url>',
      'the Allure TestOps instance, e.g. https://allure.example.com (default: ALLURE_ENDPOINT)',
    )
    .option('--project <id>', 'the numeric project id (default: ALLURE_PROJECT_ID)')
    .option('--dry-run', 'print the requests that would be sent and send and write nothing; needs no token')
    .option(
      '--allow-private',
      'allow an instance on a private network (refused by default; loopback is always allowed here)',
    )
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      `
Token: ALLURE_TOKEN, an Allure TestOps API token (your profile → API tokens), exchanged for a
session token at /api/uaa/oauth/token. Read from the environment only, never printed or written.

Each case's Allure ID is written into its method as @allure.id("…"): the next export updates that
case (fields, scenario, tags) instead of creating another; a case deleted in Allure TestOps is
created again and its ID replaced. The export also writes ci/allure-testops.gitlab-ci.yml and
ci/allure-testops.github-steps.yml: CI steps that run the cases and upload allure-results with
allurectl (set ALLURE_TOKEN as a masked CI variable).

Exit code: 0 exported, 2 bad input or a token lacking a permission (the message names it),
3 Allure TestOps unreachable or failing.`,
    )
    .action(async (cases: string, flags: AllureFlags) => {
      const [{ exportAllureTestops }, { ALLURE_ENV }] = await Promise.all([
        import('../../pipeline/export-allure-testops.ts'),
        import('../../integrations/allure-testops/allure-connection.ts'),
      ]);
      const result = await exportAllureTestops({
        casesDir: cases,
        connection: {
          endpoint: flags.endpoint ?? process.env[ALLURE_ENV.endpoint],
          projectId: flags.project ?? process.env[ALLURE_ENV.projectId],
          apiToken: process.env[ALLURE_ENV.token],
          tokenOptional: flags.dryRun ?? false,
        },
        dryRun: flags.dryRun ?? false,
        guard: { allowPrivate: flags.allowPrivate ?? false, allowLoopback: true },
        events: progressPrinter(),
      });
      print(result, flags.json ?? false);
      setExitCode(0);
    });
}

function print(result: ExportAllureResult, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  if (result.planned) {
    printPlannedRequests(
      `Dry run: ${result.items.length} case(s) of ${result.casesDir}, project ${result.projectId}`,
      result.planned,
    );
    return;
  }
  const lines = result.items.map(
    (item) => `${pc.green('✓')} #${item.allureId} ${item.action}: ${item.title}`,
  );
  lines.push(
    result.changedModules.length > 0
      ? `${pc.green('✓')} Allure IDs written into ${result.changedModules.join(', ')}`
      : `${pc.dim('·')} the Allure IDs in the code were already up to date`,
    `${pc.green('✓')} CI snippets: ${result.ciFiles.join(', ')}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}
