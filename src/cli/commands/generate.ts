import { type Command, Option } from 'commander';
import { resolve } from 'node:path';
import { DEFAULT_REPEAT } from '../../pipeline/option-values.ts';
import {
  authSchemeWord,
  collectHeader,
  collectList,
  collectVariable,
  conformanceOption,
  modelOptionsOf,
  positiveInteger,
  withModelOptions,
  type ModelFlags,
} from '../parse-options.ts';
import { progressPrinter } from '../progress.ts';
import { printReport } from '../report-output.ts';

interface GenerateApiFlags extends ModelFlags {
  spec: string;
  baseUrl?: string;
  header?: string[];
  var?: Record<string, string>;
  secretVar?: Record<string, string>;
  out: string;
  format: 'playwright-ts' | 'pytest';
  run?: boolean;
  repeat: number;
  allowWrites?: boolean;
  conformance: 'strict' | 'lenient';
  only?: string[];
  authScheme?: string;
  json?: boolean;
}

/** Registers `generate api`; returns the `generate` group for the other generators. */
export function registerGenerateCommands(program: Command, setExitCode: (code: number) => void): Command {
  const generate = program.command('generate').description('Generate test suites from a source.');
  const api = generate
    .command('api')
    .description(
      'Generate API tests from an OpenAPI 2.0/3.0/3.1 spec, optionally run and verify them against the API.',
    )
    .requiredOption('--spec <file|url>', 'OpenAPI spec: a YAML/JSON file or an http(s) URL')
    .option(
      '--base-url <url>',
      'base URL of the API under test (needed with --run; written into the suite as its default)',
    )
    .option(
      '--header <"Name: value">',
      'header sent with every valid request, e.g. "Authorization: Bearer $TOKEN"; repeatable; never written into the suite, its value replaced by *** in evidence, curl lines, reports and output',
      collectHeader,
    )
    .option(
      '--var <name=value>',
      'value the generator cannot discover, e.g. --var project_id=<uuid>; repeatable',
      collectVariable,
    )
    .option(
      '--secret-var <name=value>',
      'like --var, for a secret value: never written into the suite, replaced by *** in evidence, curl lines, reports and output (values under 4 characters are not masked); repeatable',
      collectVariable,
    )
    .option('--out <dir>', 'folder for the generated test project', 'testops-suite')
    .addOption(
      new Option('--format <format>', 'emitted suite format')
        .choices(['playwright-ts', 'pytest'])
        .default('playwright-ts'),
    )
    .option('--run', 'run the suite against --base-url and keep only tests that pass every time')
    .option(
      '--repeat <n>',
      'runs per test with --run: all pass → delivered, all fail → suspected defect, mixed → flaky',
      positiveInteger,
      DEFAULT_REPEAT,
    )
    .option('--allow-writes', 'let tests send POST/PUT/PATCH/DELETE to a host that is not loopback')
    .addOption(conformanceOption())
    .option(
      '--only <operation>',
      'only this operation ("GET /pets/{id}" or its operationId); repeatable',
      collectList,
    )
    .option(
      '--auth-scheme <word>',
      'the word before the token in Authorization (e.g. Token; Basic for basic credentials) when the spec says otherwise or nothing; the suite reads the token from API_TOKEN',
      authSchemeWord,
    )
    .option('--json', 'print the report as JSON on stdout (progress stays on stderr)');
  withModelOptions(api).action(async (flags: GenerateApiFlags) => {
    const outDir = resolve(flags.out);
    const { generateApi } = await import('../../pipeline/generate-api.ts');
    const report = await generateApi({
      spec: flags.spec,
      outDir,
      format: flags.format,
      baseUrl: flags.baseUrl,
      headers: flags.header ?? [],
      variables: flags.var ?? {},
      secretVariables: flags.secretVar ?? {},
      only: flags.only ?? [],
      ...(flags.authScheme ? { authScheme: flags.authScheme } : {}),
      run: flags.run ?? false,
      repeat: flags.repeat,
      allowWrites: flags.allowWrites ?? false,
      conformance: flags.conformance,
      ...modelOptionsOf(flags),
      events: progressPrinter(),
    });
    setExitCode(printReport(report, { json: flags.json ?? false, outDir }));
  });
  return generate;
}
