import { ignoreEvents, type EventSink } from '../core/events.ts';
import { allureConnection, allureHttp } from '../integrations/allure-testops/allure-connection.ts';
import { readAllureCasesFolder } from '../integrations/allure-testops/allure-cases-folder.ts';
import {
  type AllureExportResult,
  planAllureExport,
  runAllureExport,
} from '../integrations/allure-testops/allure-export.ts';
import type { VendorHttpOptions } from '../integrations/vendor-http.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';
import { logVendorRetries } from './vendor-retry-log.ts';

export interface ExportAllureOptions {
  /** The folder of `testops generate cases --format allure-python`. */
  casesDir: string;
  /** The instance, project and API token: checked here (a dry run needs no token). */
  connection: Parameters<typeof allureConnection>[0];
  dryRun: boolean;
  guard: UrlGuardOptions;
  http?: Partial<Pick<VendorHttpOptions, 'baseDelayMs' | 'maxDelayMs' | 'timeoutMs'>>;
  events?: EventSink;
}

export interface ExportAllureResult extends AllureExportResult {
  casesDir: string;
  projectId: number;
}

/**
 * `testops export allure-testops`: creates or updates a test case per manual case, keeping
 * each case's Allure ID in its Allure-as-code method (`@allure.id`), and writes the CI snippets
 * that upload `allure-results` with allurectl. A dry run sends and writes nothing.
 */
export async function exportAllureTestops(options: ExportAllureOptions): Promise<ExportAllureResult> {
  const events = options.events ?? ignoreEvents;
  const connection = allureConnection(options.connection);
  const folder = await readAllureCasesFolder(options.casesDir);
  const target = { endpoint: connection.endpoint, projectId: connection.projectId };
  const base = { casesDir: folder.dir, projectId: target.projectId };
  if (options.dryRun) return { ...base, ...planAllureExport(folder, target) };
  const http = await allureHttp(connection, {
    guard: options.guard,
    ...options.http,
    onRetry: logVendorRetries('Allure TestOps', events),
  });
  const result = await runAllureExport(http, folder, target, (item) =>
    events({ type: 'log', level: 'info', message: `#${item.allureId ?? '?'} ${item.action}: ${item.title}` }),
  );
  return { ...base, ...result };
}
