import type { Command } from 'commander';
import pc from 'picocolors';
import type { RepositoryExportResult } from '../../pipeline/export-suite.ts';
import { progressPrinter } from '../progress.ts';

/** A target of `testops export`: a subcommand of its own, registered on the group. */
export type ExportTargetRegistrar = (group: Command, setExitCode: (code: number) => void) => void;

interface RepositoryFlags {
  repo: string;
  branch: string;
  baseBranch?: string;
  path?: string;
  baseUrl?: string;
  ci?: boolean;
  dryRun?: boolean;
  allowPrivate?: boolean;
  json?: boolean;
}

const REPOSITORY_TARGETS = {
  gitlab: {
    vendor: 'GitLab',
    repoHelp: 'the project: group/project (subgroups too) or its numeric id',
    baseUrlHelp: 'the GitLab instance, e.g. https://gitlab.example.com (default: https://gitlab.com)',
    tokens: ['TESTOPS_GITLAB_TOKEN', 'GITLAB_TOKEN'],
    tokenHelp: 'a personal, project or group access token with the scope "api"',
    review: 'merge request',
    ci: 'a .gitlab-ci.yml job (testops.gitlab-ci.yml beside a CI file of the project’s own)',
  },
  github: {
    vendor: 'GitHub',
    repoHelp: 'the repository: owner/name',
    baseUrlHelp:
      'a GitHub Enterprise Server, e.g. https://github.example.com (default: https://api.github.com)',
    tokens: ['TESTOPS_GITHUB_TOKEN', 'GITHUB_TOKEN'],
    tokenHelp:
      'classic: scopes "repo" (and "workflow" with --ci); fine-grained: Contents and Pull requests read/write (Workflows with --ci)',
    review: 'pull request',
    ci: 'a GitHub Actions workflow in .github/workflows/',
  },
} as const;

/**
 * `testops export <target>`: GitLab and GitHub here; other targets add themselves with
 * `registrars` (each its own subcommand, --help and --dry-run).
 */
export function registerExportCommands(
  program: Command,
  setExitCode: (code: number) => void,
  registrars: readonly ExportTargetRegistrar[] = [],
): Command {
  const group = program
    .command('export')
    .description('Send a generated suite or case set to the tools QA teams work in (GitLab, GitHub, …).');
  for (const vendor of ['gitlab', 'github'] as const) registerRepositoryTarget(group, vendor, setExitCode);
  for (const register of registrars) register(group, setExitCode);
  return group;
}

function registerRepositoryTarget(
  group: Command,
  vendor: keyof typeof REPOSITORY_TARGETS,
  setExitCode: (code: number) => void,
): void {
  const info = REPOSITORY_TARGETS[vendor];
  group
    .command(`${vendor} <folder>`)
    .description(
      `Commit a suite or case folder to a new ${info.vendor} branch in one commit and open a ${info.review}; a re-export updates both.`,
    )
    .requiredOption('--repo <name>', info.repoHelp)
    .requiredOption(
      '--branch <name>',
      `the branch to commit to, e.g. testops/api-tests (created from the base branch)`,
    )
    .option(
      '--base-branch <name>',
      `the branch the ${info.review} targets (default: the repository's default branch)`,
    )
    .option('--path <dir>', 'the folder of the repository the suite goes in (default: the root)')
    .option('--base-url <url>', info.baseUrlHelp)
    .option('--ci', `add ${info.ci} that runs the suite and publishes JUnit and Allure results`)
    .option(
      '--dry-run',
      'print what would be sent (calls, files, the description) and send nothing; needs no token',
    )
    .option(
      '--allow-private',
      'allow an instance on a private network (refused by default; loopback is always allowed here)',
    )
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      `
Token: ${info.tokens.join(', or ')} (the first set wins) — ${info.tokenHelp}.
It is sent in a header only, never printed, logged or written into the repository.

Only files the folder's .gitignore keeps are exported (never node_modules/, .git/, .env).
Nothing is committed when the branch already holds the suite; files an earlier export added
that the suite no longer has are deleted; files of the base branch are never deleted.

Exit code: 0 exported (or nothing to change), 2 bad input or a token lacking a permission
(the message names it), 3 ${info.vendor} unreachable or failing.`,
    )
    .action(async (folder: string, flags: RepositoryFlags) => {
      const { exportSuite } = await import('../../pipeline/export-suite.ts');
      const outcome = await exportSuite({
        folder,
        target: {
          vendor,
          repo: flags.repo,
          branch: flags.branch,
          baseBranch: flags.baseBranch,
          directory: flags.path ?? '',
          ci: flags.ci ?? false,
        },
        baseUrl: flags.baseUrl,
        token: info.tokens
          .map((name) => process.env[name])
          .find((value) => value !== undefined && value !== ''),
        // The user's own machine may host the instance; other private ranges need --allow-private.
        guard: { allowPrivate: flags.allowPrivate ?? false, allowLoopback: true },
        dryRun: flags.dryRun ?? false,
        events: progressPrinter(),
      });
      if (outcome.dryRun) {
        process.stdout.write(outcome.plan);
        return;
      }
      const { result } = outcome;
      if (flags.json)
        process.stdout.write(`${JSON.stringify({ ...result, commit: result.commit ?? null }, null, 2)}\n`);
      else process.stdout.write(resultLines(info.review, result).join('\n') + '\n');
      setExitCode(0);
    });
}

function resultLines(review: string, result: RepositoryExportResult): string[] {
  const commit = result.commit
    ? `${pc.green('✓')} committed ${result.created.length} new, ${result.updated.length} changed, ${result.deleted.length} deleted file(s) to ${result.branch} (${result.commit.slice(0, 12)})`
    : `${pc.green('✓')} nothing changed: no commit (${result.unchanged} file(s) already there)`;
  const reviewLine = result.review
    ? `${pc.green('✓')} ${review} ${result.review.created ? 'opened' : 'updated'}: ${result.review.url}`
    : `${pc.dim('·')} no ${review}`;
  return [commit, reviewLine, ...result.notes.map((note) => `${pc.yellow('!')} ${note}`)];
}
