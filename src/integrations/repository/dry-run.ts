import type { VendorMethod } from '../vendor-exchange.ts';
import type { ExportFile } from './export-files.ts';
import type { PreparedExport } from './repository-export.ts';

/** One call an export would make, for `--dry-run`. */
export interface PlannedCall {
  method: VendorMethod | 'GET or POST' | 'POST or PUT' | 'POST or PATCH';
  path: string;
  why: string;
}

/**
 * What an export would send, without sending anything: the calls, the files with their sizes and
 * the merge or pull request text. The token appears only as the header's name.
 */
export function renderDryRun(input: {
  vendor: string;
  apiRoot: URL;
  authHeader: string;
  calls: readonly PlannedCall[];
  prepared: PreparedExport;
  /** The CI file --ci adds, shown whole: it holds no secret. */
  ciFile: ExportFile | undefined;
}): string {
  const { prepared } = input;
  const width = Math.max(...input.calls.map((call) => call.method.length));
  const lines = [
    `Dry run: nothing is sent to ${input.vendor} (${input.apiRoot.href}, ${input.authHeader}: ***).`,
    '',
    'Calls, in order (which files are created, updated or deleted is decided against the branch when it runs):',
    ...input.calls.map(
      (call) => `  ${call.method.padEnd(width)}  ${call.path}\n  ${' '.repeat(width)}  ${call.why}`,
    ),
    '',
    `Files (${prepared.files.length}, ${formatBytes(prepared.files.reduce((sum, file) => sum + file.content.length, 0))}):`,
    ...prepared.files.map((file) => `  ${file.path} (${formatBytes(file.content.length)})`),
    '',
    ...(input.ciFile
      ? [
          `CI file (--ci): ${input.ciFile.path}`,
          ...input.ciFile.content
            .toString('utf8')
            .trimEnd()
            .split('\n')
            .map((line) => `  ${line}`),
          '',
        ]
      : []),
    `Commit message: ${prepared.commitMessage.split('\n')[0]}`,
    `Title: ${prepared.summary.title}`,
    'Description:',
    ...prepared.summary.description.split('\n').map((line) => `  ${line}`),
    '',
  ];
  return lines.join('\n');
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
