import { ignoreEvents, timedStage, type EventSink } from '../core/events.ts';
import { TestopsError } from '../core/errors.ts';
import { renderDryRun } from '../integrations/repository/dry-run.ts';
import { readExportFolder, type ExportFile } from '../integrations/repository/export-files.ts';
import {
  prepareExport,
  type RepositoryExportRequest,
  type RepositoryExportResult,
} from '../integrations/repository/repository-export.ts';
import { REPOSITORY_EXPORTERS } from '../integrations/repository/repository-exporters.ts';
import { checkedTarget, type RepositoryTarget } from '../integrations/repository/repository-target.ts';
import { vendorHttp, type VendorHttpOptions } from '../integrations/vendor-http.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';
import { logVendorRetries } from './vendor-retry-log.ts';

export type { RepositoryExportResult } from '../integrations/repository/repository-export.ts';
export type { RepositoryTarget, RepositoryVendor } from '../integrations/repository/repository-target.ts';
export { REPOSITORY_VENDORS } from '../integrations/repository/repository-target.ts';

export interface ExportSuiteOptions {
  /** The suite or case folder; or `files` when they are already read (a job's artifacts). */
  folder?: string;
  files?: ExportFile[];
  target: RepositoryTarget;
  /** The instance (`https://gitlab.example.com`, a GitHub Enterprise host) or its API root; the public one when absent. */
  baseUrl: string | undefined;
  /** Not needed for a dry run. */
  token: string | undefined;
  guard: UrlGuardOptions;
  dryRun?: boolean;
  events?: EventSink;
  signal?: AbortSignal;
  /** Retry and timeout settings of the vendor client (tests shorten the waits). */
  http?: Pick<
    VendorHttpOptions,
    'timeoutMs' | 'totalTimeoutMs' | 'maxRetries' | 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'
  >;
}

export type ExportSuiteOutcome =
  { dryRun: true; plan: string } | { dryRun: false; result: RepositoryExportResult };

/** `testops export gitlab|github` and the `export` job: the suite as one commit on a branch, and a merge or pull request. */
export async function exportSuite(options: ExportSuiteOptions): Promise<ExportSuiteOutcome> {
  const events = options.events ?? ignoreEvents;
  const target = checkedTarget(options.target);
  const exporter = REPOSITORY_EXPORTERS[target.vendor];
  const apiRoot = exporter.apiRoot(parseBaseUrl(options.baseUrl ?? exporter.defaultUrl));
  const files = options.files ?? (await readExportFolder(options.folder ?? '.'));
  const request: RepositoryExportRequest = {
    target,
    files,
    events,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  if (options.dryRun) {
    const prepared = prepareExport(request, () => false);
    const calls = exporter.plannedCalls(request);
    const ciFile = target.ci ? exporter.plannedCiFile(prepared, target.directory) : undefined;
    const plan = renderDryRun({
      vendor: exporter.dialect.vendor,
      apiRoot,
      authHeader: exporter.authHeader,
      calls,
      prepared,
      ciFile,
    });
    return { dryRun: true, plan };
  }
  if (!options.token)
    throw new TestopsError('TESTOPS_VENDOR_TOKEN_MISSING', `no ${exporter.dialect.vendor} token`, {
      where: target.vendor,
      expected: `a token in ${exporter.tokenVariables.join(' or ')} (the CLI), or a project secret named in the job`,
      hint: `create a token (${target.vendor === 'gitlab' ? 'scope "api"' : 'classic: scopes "repo" and "workflow"'}) and export ${exporter.tokenVariables[0]}=….`,
    });
  const http = vendorHttp({
    dialect: exporter.dialect,
    baseUrl: apiRoot,
    token: options.token,
    guard: options.guard,
    ...options.http,
    onRetry: logVendorRetries(exporter.dialect.vendor, events),
  });
  const prepared = prepareExport(request, (text) => http.scrub(text) !== text);
  const { result } = await timedStage(events, `export to ${exporter.dialect.vendor}`, () =>
    exporter.run(http, request, prepared),
  );
  return { dryRun: false, result };
}

function parseBaseUrl(value: string): URL {
  if (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return new URL(value);
  throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `"${value}" is not an http(s) URL`, {
    where: '--base-url',
    expected: 'the URL of the instance, e.g. https://gitlab.example.com or https://github.example.com',
  });
}
