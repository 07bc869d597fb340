import { type Command, InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import pc from 'picocolors';
import {
  OPTIMISATION_REPORT_JSON as REPORT_JSON,
  OPTIMISATION_REPORT_MARKDOWN as REPORT_MARKDOWN,
} from '../../pipeline/option-values.ts';
import { progressPrinter } from '../progress.ts';
import { modelOptionsOf, withModelOptions, type ModelFlags } from '../parse-options.ts';

interface OptimizeFlags extends ModelFlags {
  spec?: string;
  requirements?: string;
  defects?: string;
  model?: string;
  threshold?: number;
  twinThreshold?: number;
  out?: string;
  json?: boolean;
}

export function registerOptimizeCommand(program: Command, setExitCode: (code: number) => void): void {
  const optimize = program
    .command('optimize <tests-dir>')
    .description(
      'Analyse an existing test folder (pytest, Playwright Test, Allure-as-code manual cases): duplicates, outdated and conflicting tests, coverage, gaps, and ranked suggestions.',
    )
    .option(
      '--spec <file|url>',
      'current OpenAPI spec: finds outdated API tests and covers operations × documented statuses',
    )
    .option(
      '--requirements <file>',
      'requirements (Markdown, text, .feature, or a folder): covers requirements × tests',
    )
    .option(
      '--defects <file>',
      'defect history (Jira JSON export or CSV): raises the rank of suggestions in defect-prone areas',
    )
    .option(
      '--model <dir>',
      'output folder of a site exploration (reads <dir>/model/site-model.json): outdated UI tests, elements × tests',
    )
    .option(
      '--threshold <0..1>',
      'similarity from which two tests are near duplicates (default 0.75; 0.9 with embeddings)',
      similarityThreshold,
    )
    .option(
      '--twin-threshold <0..1>',
      "similarity from which an automated test is a manual case's twin (default 0.45; 0.8 with embeddings)",
      similarityThreshold,
    )
    .option('--out <dir>', `also write ${REPORT_JSON} and ${REPORT_MARKDOWN} to this folder`)
    .option('--json', 'print the versioned report as JSON on stdout (progress stays on stderr)')
    .addHelpText(
      'after',
      '\nFindings are not failures: the exit code is 0 whenever the analysis ran, 2 for invalid input.\nPython tests are parsed with $TESTOPS_PYTHON, else python3.',
    );
  withModelOptions(optimize).action(async (testsDir: string, flags: OptimizeFlags) => {
    const [{ optimizeTests }, { renderOptimisationJson, renderOptimisationSummary }] = await Promise.all([
      import('../../pipeline/optimize-tests.ts'),
      import('../../emit/optimisation/render-optimisation-report.ts'),
    ]);
    const report = await optimizeTests({
      testsDir,
      spec: flags.spec,
      requirements: flags.requirements,
      defects: flags.defects,
      model: flags.model,
      nearDuplicateThreshold: flags.threshold,
      twinThreshold: flags.twinThreshold,
      outDir: flags.out,
      ...modelOptionsOf(flags),
      events: progressPrinter(),
    });
    if (flags.json) process.stdout.write(renderOptimisationJson(report));
    else {
      process.stdout.write(`\n${pc.bold('Optimisation')}\n${renderOptimisationSummary(report)}\n`);
      if (flags.out)
        process.stdout.write(
          `\nReport: ${resolve(flags.out, REPORT_MARKDOWN)}, ${resolve(flags.out, REPORT_JSON)}\n`,
        );
    }
    setExitCode(0);
  });
}

function similarityThreshold(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || number > 1)
    throw new InvalidArgumentError(`expected a number in (0, 1], got "${value}"`);
  return number;
}
