import { type Command, Option } from 'commander';
import { resolve } from 'node:path';
import pc from 'picocolors';
import type { ExploreOptions } from '../../pipeline/generate-ui.ts';
import { DEFAULT_REPEAT } from '../../pipeline/option-values.ts';
import { modelOptionsOf, positiveInteger, withModelOptions, type ModelFlags } from '../parse-options.ts';
import { progressPrinter } from '../progress.ts';
import { printReport } from '../report-output.ts';

interface ExplorationFlags {
  url: string;
  maxPages: number;
  maxDepth: number;
  timeBudget: number;
  storageState?: string;
  loginSteps?: string;
  allowPrivate?: boolean;
  allowDestructive?: boolean;
  out: string;
  json?: boolean;
}

/** Flags shared by `explore` and `generate ui`, documented once. */
function withExplorationFlags(command: Command, defaultOut: string): Command {
  return command
    .requiredOption('--url <url>', 'start page of the web app (its origin bounds the crawl)')
    .option('--max-pages <n>', 'pages to explore at most', positiveInteger, 20)
    .option('--max-depth <n>', 'link depth from the start page', positiveInteger, 3)
    .option(
      '--time-budget <seconds>',
      'exploration time, pages and flows together; an app with many controls per page needs more',
      positiveInteger,
      120,
    )
    .option(
      '--storage-state <file>',
      'Playwright storage state (cookies, localStorage) every page starts from, e.g. a logged-in session',
    )
    .option(
      '--login-steps <file>',
      'YAML/JSON list of goto/fill/click/press/waitFor steps run once before exploring; ${ENV} values are read from the environment',
    )
    .option(
      '--allow-private',
      'allow private-network targets (refused by default; loopback such as 127.0.0.1 is always allowed here)',
    )
    .option('--allow-destructive', 'let exploration click delete/remove/pay/logout-like controls')
    .option('--out <dir>', 'output folder', defaultOut)
    .option('--json', 'print the result as JSON on stdout (progress stays on stderr)');
}

function explorationOptions(flags: ExplorationFlags): ExploreOptions {
  return {
    url: flags.url,
    maxPages: flags.maxPages,
    maxDepth: flags.maxDepth,
    totalTimeMs: flags.timeBudget * 1000,
    ...(flags.storageState ? { storageState: flags.storageState } : {}),
    ...(flags.loginSteps ? { loginSteps: flags.loginSteps } : {}),
    allowPrivate: flags.allowPrivate ?? false,
    // On the user's own machine an app on loopback is the usual target; the service keeps refusing it.
    allowLoopback: true,
    allowDestructive: flags.allowDestructive ?? false,
    outDir: resolve(flags.out),
    events: progressPrinter(),
  };
}

export function registerExploreCommand(program: Command): void {
  withExplorationFlags(
    program
      .command('explore')
      .description('Explore a live web app in a real browser and save its page model under <out>/model/.'),
    'testops-model',
  ).action(async (flags: ExplorationFlags) => {
    const { exploreUi } = await import('../../pipeline/generate-ui.ts');
    const { model, file } = await exploreUi(explorationOptions(flags));
    if (flags.json) process.stdout.write(JSON.stringify(model, null, 2) + '\n');
    else {
      for (const page of model.pages) {
        process.stdout.write(
          `  ${page.path.padEnd(28)} ${String(page.elements.length).padStart(4)} elements ${String(page.interactions.length).padStart(3)} interactions ${String(Math.round((model.durations.perPageMs[page.id] ?? 0) / 100) / 10).padStart(5)} s${page.settled ? '' : '  (never settled)'}\n`,
        );
      }
      const bare = model.pages.filter(
        (page) =>
          page.interactions.length + (page.states ?? []).flatMap((state) => state.interactions).length === 0,
      );
      if (bare.length > 0)
        process.stdout.write(
          pc.yellow(
            pc.bold(
              `\n! ${bare.length} of ${model.pages.length} pages had no interaction that changed anything: tests of them can only check that they load.\n`,
            ),
          ),
        );
      process.stdout.write(`\nModel: ${file}\n`);
    }
  });
}

export function registerGenerateUiCommand(generate: Command, setExitCode: (code: number) => void): void {
  withModelOptions(
    withExplorationFlags(
      generate
        .command('ui')
        .description('Explore a web app, generate Playwright UI tests, optionally run and verify them.'),
      'testops-ui-suite',
    )
      .option(
        '--model <dir>',
        'use a model saved by `testops explore` instead of exploring again (--url still names the app)',
      )
      .option('--run', 'run the suite against the app and keep only tests that pass every time')
      .option(
        '--repeat <n>',
        'runs per test with --run, each in a fresh browser context',
        positiveInteger,
        DEFAULT_REPEAT,
      )
      .addOption(
        new Option(
          '--fail-on-a11y',
          'make serious/critical accessibility violations fail their tests instead of being reported',
        ),
      ),
  ).action(
    async (
      flags: ExplorationFlags &
        ModelFlags & { model?: string; run?: boolean; repeat: number; failOnA11y?: boolean },
    ) => {
      const { generateUi } = await import('../../pipeline/generate-ui.ts');
      const report = await generateUi({
        ...explorationOptions(flags),
        ...(flags.model ? { model: flags.model } : {}),
        run: flags.run ?? false,
        repeat: flags.repeat,
        failOnA11y: flags.failOnA11y ?? false,
        ...modelOptionsOf(flags),
      });
      setExitCode(printReport(report, { json: flags.json ?? false, outDir: resolve(flags.out) }));
    },
  );
}
