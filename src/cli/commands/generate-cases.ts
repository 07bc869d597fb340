import { type Command, Option } from 'commander';
import { TestopsError } from '../../core/errors.ts';
import type { CasesSource, GenerateCasesResult } from '../../pipeline/generate-cases.ts';
import { CASE_FORMATS, DEFAULT_OWNER, type CaseFormat } from '../../pipeline/option-values.ts';
import type { ModelAssistReport, UsageTotals } from '../../core/model-client.ts';
import { modelOptionsOf, positiveInteger, withModelOptions, type ModelFlags } from '../parse-options.ts';
import { progressPrinter } from '../progress.ts';

interface GenerateCasesFlags extends ModelFlags {
  requirements?: string;
  spec?: string;
  model?: string;
  url?: string;
  format: CaseFormat;
  owner: string;
  jiraBase?: string;
  sourceUrl?: string;
  out: string;
  allowPrivate?: boolean;
  maxPages?: number;
  json?: boolean;
}

/** `testops generate cases`: manual test cases from requirements, a spec, a site model or a URL. */
export function registerGenerateCasesCommand(generate: Command, setExitCode: (code: number) => void): void {
  const command = generate
    .command('cases')
    .description(
      'Design manual test cases (Allure TestOps as code, Markdown, CSV or JSON) from requirements, an OpenAPI spec, an explored site model or a live site.',
    )
    .option(
      '--requirements <file>',
      'requirements: Markdown, plain text, user stories or a Gherkin .feature file (or a folder of them)',
    )
    .option('--spec <file|url>', 'OpenAPI 2.0/3.0/3.1 spec: a YAML/JSON file or an http(s) URL')
    .option(
      '--model <page-model-dir>',
      'a folder with model/site-model.json written by the explorer (or that file)',
    )
    .option(
      '--url <url>',
      'explore this web app in a browser first, then design cases from what was observed',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices([...CASE_FORMATS]).default('allure-python'),
    )
    .option('--owner <name>', 'the owner label of every case', DEFAULT_OWNER)
    .option(
      '--jira-base <url>',
      'Jira base URL: cases of requirements with a key (CALC-12) link to <url>/browse/CALC-12',
    )
    .option(
      '--source-url <url>',
      'where the source file is published (e.g. its GitLab page): cases link there instead of to file:// URLs',
    )
    .option('--out <dir>', 'folder for the cases', 'testops-cases')
    .option(
      '--allow-private',
      'with --url: let the explorer open a host on this machine or a private network',
    )
    .option('--max-pages <n>', 'with --url: pages to explore at most', positiveInteger)
    .option('--json', 'print the case set summary as JSON on stdout (progress stays on stderr)');
  withModelOptions(command).action(async (flags: GenerateCasesFlags) => {
    const { generateCases } = await import('../../pipeline/generate-cases.ts');
    const result = await generateCases({
      source: sourceOf(flags),
      format: flags.format,
      outDir: flags.out,
      owner: flags.owner,
      jiraBase: flags.jiraBase,
      sourceUrl: flags.sourceUrl,
      ...modelOptionsOf(flags),
      events: progressPrinter(),
    });
    printResult(result, flags.json ?? false);
    setExitCode(result.set.cases.length > 0 ? 0 : 1);
  });
}

function sourceOf(flags: GenerateCasesFlags): CasesSource {
  const given = [flags.requirements, flags.spec, flags.model, flags.url].filter(
    (value) => value !== undefined,
  );
  if (given.length !== 1) {
    throw new TestopsError(
      'TESTOPS_INVALID_ARGUMENT',
      `generate cases needs exactly one source, got ${given.length}`,
      {
        where: 'testops generate cases',
        expected: 'one of --requirements <file>, --spec <file|url>, --model <dir>, --url <url>',
        hint: 'run one command per source; each writes its own --out folder.',
      },
    );
  }
  if (flags.requirements) return { kind: 'requirements', path: flags.requirements };
  if (flags.spec) return { kind: 'openapi', spec: flags.spec };
  if (flags.model) return { kind: 'page-model', dir: flags.model };
  return {
    kind: 'url',
    url: flags.url!,
    allowPrivate: flags.allowPrivate ?? false,
    maxPages: flags.maxPages,
  };
}

function printResult(result: GenerateCasesResult, json: boolean): void {
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ...result.summary, outDir: result.outDir, files: result.files, model: result.model }, null, 2)}\n`,
    );
    return;
  }
  const { summary } = result;
  const line = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
  process.stdout.write(
    [
      '',
      `Cases      ${summary.cases} (${line(summary.byKind)})`,
      `Priority   ${line(summary.byPriority)}`,
      `Features   ${Object.keys(summary.byFeature).length}`,
      `Unused     ${summary.unused.length} input(s) without a case (see README.md)`,
      ...(result.model ? [`Model      ${modelLine(result.model)}`] : []),
      ...(result.model?.usage ? [`Tokens     ${usageLine(result.model.usage)}`] : []),
      `Written to ${result.outDir} (${result.files.length} files)`,
      '',
    ].join('\n'),
  );
}

function modelLine(report: ModelAssistReport): string {
  if (report.status !== 'used' && report.status !== 'partial') return report.message;
  return `${report.message}: ${report.proposed} proposed, ${report.rejected} rejected, ${report.duplicates} duplicate(s), ${report.repaired} repaired answer(s)`;
}

function usageLine(usage: UsageTotals): string {
  const cost = [
    usage.costUsd === undefined ? undefined : `$${usage.costUsd.toFixed(4)}`,
    usage.costRub === undefined ? undefined : `${usage.costRub.toFixed(2)} ₽`,
  ].filter(Boolean);
  return `${usage.inputTokens} in (${usage.cachedInputTokens} cached), ${usage.outputTokens} out over ${usage.calls} call(s), ${usage.fromCache} from the cache${cost.length > 0 ? `; ${cost.join(', ')}` : ''}`;
}
