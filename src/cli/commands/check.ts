import { type Command, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { STANDARDS_FORMATS, type StandardsFormat } from '../../pipeline/option-values.ts';

interface CheckFlags {
  rules?: string;
  format: StandardsFormat;
  fix?: boolean;
  owner: string;
  target?: string;
  output?: string;
}

const HELP_AFTER = `
Checks Allure TestOps as code manual cases (Python), pytest autotests and Playwright specs:
structure, Arrange/Act/Assert order, mandatory Allure labels and their values, naming,
duplicated titles, syntax (Python's own parser, the TypeScript compiler) and security (secrets,
shell commands, file writes outside the suite, requests to other hosts).

Rules file (--rules), YAML or JSON; every key is optional:
  allowedHosts: [api.staging.example.com]
  rules:
    naming-file: off
    aaa-step-naming: error
    labels-required: { parameters: { required: [manual, owner, feature, suite, priority] } }

Exit code: 0 when no errors remain, 1 when errors remain, 2 for bad input (a missing path,
an invalid rules file, no Python for Python files).`;

export function registerCheckCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('check <path...>')
    .description('Check test files (or folders of them) against the test standards and score them.')
    .option(
      '--rules <file>',
      'YAML/JSON rules file: disable rules, change severities, set parameters and allowedHosts',
    )
    .addOption(
      new Option('--format <format>', 'report format').choices([...STANDARDS_FORMATS]).default('text'),
    )
    .option(
      '--fix',
      'apply safe fixes to manual cases (missing labels with defaults, the manual marker in pytest.ini, Arrange/Act/Assert order) and report what changed',
    )
    .option('--owner <login>', 'owner label --fix gives cases without one', 'qa')
    .option('--target <url>', 'base URL of the system under test: requests to other hosts are reported')
    .option('--output <file>', 'write the report to this file instead of stdout (the summary goes to stderr)')
    .addHelpText('after', HELP_AFTER)
    .action(async (paths: string[], flags: CheckFlags) => {
      const options = {
        ...(flags.rules ? { rulesFile: flags.rules } : {}),
        ...(flags.target ? { target: flags.target } : {}),
      };
      const { checkStandards, fixStandards, renderStandardsReport, summaryLine } =
        await import('../../validation/standards/index.ts');
      const report = flags.fix
        ? await fixStandards(paths, { ...options, owner: flags.owner })
        : await checkStandards(paths, options);
      const rendered = renderStandardsReport(report, flags.format);
      if (flags.output) {
        await writeFile(resolve(flags.output), rendered);
        process.stderr.write(`${summaryLine(report)}\nReport: ${flags.output}\n`);
      } else process.stdout.write(rendered);
      setExitCode(report.summary.errors > 0 ? 1 : 0);
    });
}
