import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { checkTests } from '../../../pipeline/check-tests.ts';
import type { JobExecutor } from '../executor.ts';
import { validateInputSchema } from '../job-inputs.ts';
import { writeInlineFiles } from './inline-inputs.ts';

/** POST /validate: the standards check over the files sent. */
export const runValidateJob: JobExecutor = async (raw, context) => {
  const input = validateInputSchema.parse(raw);
  const filesDir = await writeInlineFiles(join(context.inputDir, 'files'), input.files);
  let rulesFile: string | undefined;
  if (input.options.rules) {
    rulesFile = join(context.inputDir, 'rules.yaml');
    await writeFile(rulesFile, input.options.rules);
  }
  const report = await checkTests({
    paths: [filesDir],
    cwd: filesDir,
    outDir: context.outputDir,
    ...(rulesFile ? { rulesFile } : {}),
    ...(input.options.target ? { target: input.options.target } : {}),
    events: context.events,
  });
  return {
    summary: { ...report.summary },
    tests: [],
    report: { kind: 'standards', report: report as unknown as Record<string, unknown> },
    errors: [],
  };
};
