import { type Command, InvalidArgumentError, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { FAILURE_CLASSES, type FailureClass } from '../../core/triage.ts';
import type { LlmMode } from '../../core/model-client.ts';
import { llmOption, positiveInteger } from '../parse-options.ts';
import { progressPrinter } from '../progress.ts';
import { withStores } from '../with-stores.ts';

const DEFAULT_PROJECT = 'default';

const TRIAGE_HELP = `
Reads our testops-report.json, Playwright's JSON reporter output or a JUnit XML file. Each failure
is classified (product defect, test defect, flaky, environment) by rules, refined by the model
when one is configured; failures with one root cause form a cluster with a next action.
The project's memory (the database of \`testops serve\`: TESTOPS_DATA_DIR or DATABASE_URL)
recognises causes seen before and keeps corrections: \`testops triage memory correct\`.
Exit code 0 whenever the triage ran, 2 for input it cannot read.`;

export function registerTriageCommands(program: Command, setExitCode: (code: number) => void): void {
  const triage = program
    .command('triage')
    .description(
      'Classify and cluster the failures of a test run, with the project memory of past incidents.',
    )
    .enablePositionalOptions()
    .argument('[run-file]', 'testops-report.json, Playwright JSON output, or JUnit XML')
    .option('--project <id>', 'the project whose memory is used', DEFAULT_PROJECT)
    .option('--json', 'print the triage as JSON on stdout')
    .addOption(llmOption())
    .addHelpText('after', TRIAGE_HELP)
    .action(async (runFile: string | undefined, flags: { project: string; json?: boolean; llm: LlmMode }) => {
      if (!runFile) {
        triage.help();
        return;
      }
      const { triageReport, renderTriage } = await import('../../pipeline/triage.ts');
      const result = await withStores((stores) =>
        triageReport({
          input: { path: runFile },
          projectId: flags.project,
          memory: stores.triage,
          llm: flags.llm,
          responseCache: stores.llmCache,
          events: progressPrinter(),
        }),
      );
      process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : renderTriage(result));
      setExitCode(0);
    });
  registerMemoryCommands(triage, setExitCode);
}

function registerMemoryCommands(triage: Command, setExitCode: (code: number) => void): void {
  const memory = triage.command('memory').description("The project's memory of triaged failures.");
  memory
    .command('list')
    .description('Remembered clusters, most recently seen first.')
    .option('--project <id>', 'the project', DEFAULT_PROJECT)
    .option('--limit <n>', 'how many', positiveInteger, 50)
    .option('--json', 'as JSON')
    .action(async (flags: { project: string; limit: number; json?: boolean }) => {
      const { renderMemoryCluster } = await import('../../pipeline/triage.ts');
      const page = await withStores((stores) =>
        stores.triage.list(flags.project, { limit: flags.limit, offset: 0 }),
      );
      process.stdout.write(
        flags.json
          ? `${JSON.stringify(page, null, 2)}\n`
          : `${page.items.map(renderMemoryCluster).join('\n')}\n${page.total} cluster(s) in project ${flags.project}\n`,
      );
      setExitCode(0);
    });
  memory
    .command('search <text>')
    .description('Clusters whose title or signature contains the text, and those nearest its meaning.')
    .option('--project <id>', 'the project', DEFAULT_PROJECT)
    .option('--limit <n>', 'how many of each', positiveInteger, 10)
    .option('--json', 'as JSON')
    .action(async (text: string, flags: { project: string; limit: number; json?: boolean }) => {
      const { searchTriageMemory, renderMemoryCluster } = await import('../../pipeline/triage.ts');
      const found = await withStores((stores) =>
        searchTriageMemory({ memory: stores.triage, projectId: flags.project, text, limit: flags.limit }),
      );
      if (flags.json) process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
      else
        process.stdout.write(
          [
            `text matches (${found.matches.length}):`,
            ...found.matches.map(renderMemoryCluster),
            `nearest signatures:`,
            ...found.nearest.map(
              (entry) => `${entry.distance.toFixed(3)}  ${renderMemoryCluster(entry.cluster)}`,
            ),
            '',
          ].join('\n'),
        );
      setExitCode(0);
    });
  memory
    .command('export')
    .description("The project's whole memory as JSON.")
    .option('--project <id>', 'the project', DEFAULT_PROJECT)
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (flags: { project: string; out?: string }) => {
      const { exportTriageMemory } = await import('../../pipeline/triage.ts');
      const exported = await withStores((stores) => exportTriageMemory(stores.triage, flags.project));
      const text = `${JSON.stringify(exported, null, 2)}\n`;
      if (flags.out) await writeFile(flags.out, text);
      else process.stdout.write(text);
      setExitCode(0);
    });
  memory
    .command('correct <cluster>')
    .description('Set the class of a remembered cluster; later triage keeps it.')
    .addOption(
      new Option('--class <class>', 'the right class').choices([...FAILURE_CLASSES]).makeOptionMandatory(),
    )
    .option('--project <id>', 'the project', DEFAULT_PROJECT)
    .option('--note <text>', 'why', '')
    .option('--by <name>', 'who corrects', nonEmpty, userName())
    .action(
      async (cluster: string, flags: { class: FailureClass; project: string; note: string; by: string }) => {
        const corrected = await withStores((stores) =>
          stores.triage.correct(flags.project, cluster, {
            class: flags.class,
            by: flags.by,
            note: flags.note,
          }),
        );
        if (!corrected) {
          process.stderr.write(
            `no cluster ${cluster} in the memory of project ${flags.project} (see \`testops triage memory list\`)\n`,
          );
          setExitCode(2);
          return;
        }
        process.stderr.write(`${cluster} is now ${flags.class} (corrected by ${flags.by})\n`);
        setExitCode(0);
      },
    );
}

function userName(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}

function nonEmpty(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('must not be empty.');
  return value.trim();
}
