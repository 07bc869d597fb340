import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ignoreEvents, timedStage, type EventSink } from '../core/events.ts';
import { checkStandards, renderMarkdown, type StandardsReport } from '../validation/standards/index.ts';

export type { StandardsReport } from '../validation/standards/index.ts';

export interface CheckTestsOptions {
  paths: string[];
  rulesFile?: string;
  target?: string;
  /** Paths in the report are relative to this folder. */
  cwd?: string;
  /** Writes standards-report.json and STANDARDS.md here. */
  outDir?: string;
  events?: EventSink;
}

/** The standards check as a job: check → report files. */
export async function checkTests(options: CheckTestsOptions): Promise<StandardsReport> {
  const events = options.events ?? ignoreEvents;
  const { result: report } = await timedStage(events, 'check standards', () =>
    checkStandards(options.paths, {
      ...(options.rulesFile ? { rulesFile: options.rulesFile } : {}),
      ...(options.target ? { target: options.target } : {}),
      ...(options.cwd ? { cwd: options.cwd } : {}),
    }),
  );
  if (options.outDir) {
    const folder = resolve(options.outDir);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'standards-report.json'), JSON.stringify(report, null, 2) + '\n');
    await writeFile(join(folder, 'STANDARDS.md'), renderMarkdown(report));
  }
  return report;
}
