import { githubApiRoot, githubDialect } from '../github/github-dialect.ts';
import { exportToGithub, githubPlannedCalls } from '../github/github-export.ts';
import { gitlabApiRoot, gitlabDialect } from '../gitlab/gitlab-dialect.ts';
import { exportToGitlab, gitlabPlannedCalls } from '../gitlab/gitlab-export.ts';
import type { VendorDialect } from '../vendor-exchange.ts';
import type { VendorHttp } from '../vendor-http.ts';
import { GITLAB_CI_FILE, githubWorkflowFile, gitlabCiFile } from './ci-files.ts';
import type { PlannedCall } from './dry-run.ts';
import type { ExportFile } from './export-files.ts';
import type { PreparedExport, RepositoryExportRequest, RepositoryExportResult } from './repository-export.ts';
import type { RepositoryVendor } from './repository-target.ts';

/** What differs between GitLab and GitHub behind one export command. */
export interface RepositoryExporter {
  dialect: VendorDialect;
  /** The public instance, when no base URL is given. */
  defaultUrl: string;
  apiRoot(given: URL): URL;
  /** The header the token goes in, named (never its value) in --dry-run. */
  authHeader: string;
  /** Environment variables the CLI reads the token from, first set wins. */
  tokenVariables: readonly string[];
  run(
    http: VendorHttp,
    request: RepositoryExportRequest,
    prepared: PreparedExport,
  ): Promise<RepositoryExportResult>;
  plannedCalls(request: RepositoryExportRequest): PlannedCall[];
  /** The CI file --ci would add, for --dry-run (GitLab's may land beside the project's own). */
  plannedCiFile(prepared: PreparedExport, directory: string): ExportFile | undefined;
}

export const REPOSITORY_EXPORTERS: Record<RepositoryVendor, RepositoryExporter> = {
  gitlab: {
    dialect: gitlabDialect,
    defaultUrl: 'https://gitlab.com',
    apiRoot: gitlabApiRoot,
    authHeader: 'PRIVATE-TOKEN',
    tokenVariables: ['TESTOPS_GITLAB_TOKEN', 'GITLAB_TOKEN'],
    run: exportToGitlab,
    plannedCalls: gitlabPlannedCalls,
    plannedCiFile: (prepared, directory) => gitlabCiFile(prepared.summary, directory, GITLAB_CI_FILE),
  },
  github: {
    dialect: githubDialect,
    defaultUrl: 'https://api.github.com',
    apiRoot: githubApiRoot,
    authHeader: 'Authorization',
    tokenVariables: ['TESTOPS_GITHUB_TOKEN', 'GITHUB_TOKEN'],
    run: exportToGithub,
    plannedCalls: githubPlannedCalls,
    plannedCiFile: (prepared, directory) => githubWorkflowFile(prepared.summary, directory),
  },
};
