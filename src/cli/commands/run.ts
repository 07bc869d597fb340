import type { Command } from 'commander';
import { resolve } from 'node:path';
import { DEFAULT_REPEAT } from '../../pipeline/option-values.ts';
import { collectHeader, collectVariable, conformanceOption, positiveInteger } from '../parse-options.ts';
import { progressPrinter } from '../progress.ts';
import { printReport } from '../report-output.ts';

interface RunFlags {
  baseUrl?: string;
  header?: string[];
  var?: Record<string, string>;
  secretVar?: Record<string, string>;
  repeat: number;
  allowWrites?: boolean;
  conformance: 'strict' | 'lenient';
  json?: boolean;
}

export function registerRunCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('run <suite-dir>')
    .description(
      'Re-run a generated suite (optionally against another base URL) and verify every test again.',
    )
    .option('--base-url <url>', 'base URL to run against (default: the one the suite was generated with)')
    .option(
      '--header <"Name: value">',
      'header sent with every valid request; repeatable; its value is replaced by *** in evidence, curl lines, reports and output',
      collectHeader,
    )
    .option(
      '--var <name=value>',
      'value for a suite variable, e.g. --var project_id=<uuid>; repeatable',
      collectVariable,
    )
    .option(
      '--secret-var <name=value>',
      'like --var, for a secret value: replaced by *** in evidence, curl lines, reports and output (values under 4 characters are not masked); repeatable',
      collectVariable,
    )
    .option('--repeat <n>', 'runs per test', positiveInteger, DEFAULT_REPEAT)
    .option('--allow-writes', 'let tests send POST/PUT/PATCH/DELETE to a host that is not loopback')
    .addOption(conformanceOption())
    .option('--json', 'print the report as JSON on stdout')
    .action(async (suiteDir: string, flags: RunFlags) => {
      const { runSuite } = await import('../../pipeline/run-suite.ts');
      const report = await runSuite({
        suiteDir,
        ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
        repeat: flags.repeat,
        headers: flags.header ?? [],
        variables: flags.var ?? {},
        secretVariables: flags.secretVar ?? {},
        allowWrites: flags.allowWrites ?? false,
        conformance: flags.conformance,
        events: progressPrinter(),
      });
      setExitCode(printReport(report, { json: flags.json ?? false, outDir: resolve(suiteDir) }));
    });
}
