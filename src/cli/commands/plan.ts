import { type Command, Option } from 'commander';
import pc from 'picocolors';
import type { GeneratedPlan, GeneratePlanOptions } from '../../pipeline/generate-plan.ts';
import { PLAN_FORMATS } from '../../pipeline/option-values.ts';
import { progressPrinter } from '../progress.ts';
import { modelOptionsOf, withModelOptions, type ModelFlags } from '../parse-options.ts';

interface PlanFlags extends ModelFlags {
  requirements?: string;
  spec?: string;
  model?: string;
  tests?: string;
  defects?: string;
  format: GeneratePlanOptions['format'];
  out: string;
}

const TOP_CASES_SHOWN = 5;

export function registerPlanCommand(program: Command, setExitCode: (code: number) => void): void {
  const plan = program
    .command('plan')
    .description(
      'Write a prioritised test plan (scope, risks, levels, criteria, environments, effort, ranked cases) ' +
        'from the cases designed for one source, weighted by defect history and existing tests.',
    )
    .option('--requirements <file>', 'source: a requirements document (Markdown, text or Gherkin)')
    .option('--spec <file|url>', 'source: an OpenAPI 2.0/3.0/3.1 spec, a YAML/JSON file or an http(s) URL')
    .option(
      '--model <dir>',
      'source: a site model folder written by exploring a web app (or its site-model.json)',
    )
    .option(
      '--tests <dir>',
      'existing automated tests (pytest, Playwright Test, Allure-as-code): lower the priority of what they cover and rank them too',
    )
    .option(
      '--defects <file>',
      'defect history: a Jira JSON export or a CSV export (components, priority, resolution)',
    )
    .addOption(
      new Option('--format <format>', 'plan format: TEST-PLAN.md or test-plan.json')
        .choices([...PLAN_FORMATS])
        .default('markdown'),
    )
    .option(
      '--out <dir>',
      'folder for TEST-PLAN.md or test-plan.json, and the designed cases in cases/',
      'testops-plan',
    )
    .addHelpText(
      'after',
      '\nGive exactly one of --requirements, --spec, --model. Exit code: 0 when the plan is written, 2 for invalid input.',
    );
  withModelOptions(plan).action(async (flags: PlanFlags) => {
    const { generatePlan } = await import('../../pipeline/generate-plan.ts');
    const { llm, cache, outputLanguage, ...rest } = flags;
    const result = await generatePlan({
      ...rest,
      ...modelOptionsOf({ llm, cache, outputLanguage }),
      outDir: flags.out,
      events: progressPrinter(),
    });
    process.stdout.write(summary(result));
    setExitCode(0);
  });
}

function summary({ plan, file, casesDir, model }: GeneratedPlan): string {
  const top = plan.prioritisation.cases.slice(0, TOP_CASES_SHOWN);
  return [
    `${pc.green('✓')} ${plan.title}: ${plan.sources.cases.count} cases, ${plan.schedule.totalHours} h estimated`,
    `  plan written to ${file}, its cases to ${casesDir}`,
    ...(model.status === 'off'
      ? []
      : [`  model: ${model.message}`, ...model.fallbacks.map((line) => `  ! ${line}`)]),
    `  top ${top.length} cases:`,
    ...top.map(
      (entry) => `  ${String(entry.rank).padStart(3)}. ${entry.score.toFixed(3).padStart(7)}  ${entry.title}`,
    ),
    '',
  ].join('\n');
}
