import type { Command } from 'commander';
import { resolve } from 'node:path';
import pc from 'picocolors';
import { TestopsError } from '../../core/errors.ts';
import { LLM_MODES, type LlmMode } from '../../core/model-client.ts';
import { progressPrinter } from '../progress.ts';

interface RunFlags {
  input: string[];
  header: string[];
  out: string;
  llm: LlmMode;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `testops crew run|validate|schema`: agent crews defined in YAML (CrewAI's vocabulary). */
export function registerCrewCommands(program: Command, setExitCode: (code: number) => void): void {
  const crew = program
    .command('crew')
    .description('Agent crews as code: YAML agents and tasks whose tools are the engine’s capabilities.');
  crew
    .command('run')
    .description(
      'Run a crew: tasks in order, each agent acting through the model, or running its task’s tool directly when no model is configured. `default` runs the shipped TestOps crew.',
    )
    .argument('<behaviour>', 'behaviour YAML file, or "default"')
    .option(
      '-i, --input <key=value>',
      'a value for a {placeholder} or a tool argument (repeatable)',
      collect,
      [],
    )
    .option(
      '-H, --header <header>',
      '"Name: value" header for the target, kept out of prompts and output',
      collect,
      [],
    )
    .option('-o, --out <dir>', 'folder the tools write into', 'crew-output')
    .option('--llm <mode>', `model use: ${LLM_MODES.join(', ')}`, 'auto')
    .option('--json', 'print the crew’s result as JSON')
    .action(async (file: string, flags: RunFlags) => {
      const [{ readBehaviorFile, DEFAULT_CREW_FILE }, { runCrew }, { ENGINE_TOOLS }, { crewModels }] =
        await Promise.all([
          import('../../crews/behavior-file.ts'),
          import('../../crews/crew-runner.ts'),
          import('../../crews/engine-tools.ts'),
          import('../../crews/crew-models.ts'),
        ]);
      const { behavior } = await readBehaviorFile(file === 'default' ? DEFAULT_CREW_FILE : file);
      const events = progressPrinter();
      const inputs = parseInputs(flags.input);
      if (flags.header.length > 0) inputs['headers'] = flags.header.join('\n');
      const result = await runCrew({
        behavior,
        inputs,
        tools: ENGINE_TOOLS,
        model: crewModels({ llm: llmMode(flags.llm) }, events),
        env: { workDir: resolve(flags.out), baseDir: process.cwd(), events, paths: 'any' },
      });
      if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else
        for (const task of result.tasks)
          process.stdout.write(
            `${pc.green('✓')} ${task.task} ${pc.dim(`(${task.agent}, ${task.mode === 'model' ? 'model' : 'tool'})`)} ${summary(task.output)}\n`,
          );
      setExitCode(0);
    });
  crew
    .command('validate')
    .description('Check a behaviour YAML: every problem with its line and column.')
    .argument('<behaviour>', 'behaviour YAML file')
    .action(async (file: string) => {
      const [{ readBehaviorFile }, { placeholdersOf }] = await Promise.all([
        import('../../crews/behavior-file.ts'),
        import('../../crews/placeholders.ts'),
      ]);
      const { behavior } = await readBehaviorFile(file);
      const inputs = [...placeholdersOf(behavior).keys()];
      process.stdout.write(
        `${pc.green('✓')} ${file}: ${behavior.agents.length} agents, ${behavior.tasks.length} tasks, ${behavior.process}` +
          `${inputs.length > 0 ? `; inputs: ${inputs.join(', ')}` : ''}\n`,
      );
      setExitCode(0);
    });
  crew
    .command('schema')
    .description('Print the JSON Schema of behaviour files.')
    .action(async () => {
      const { behaviorJsonSchema } = await import('../../crews/behavior-schema.ts');
      process.stdout.write(`${JSON.stringify(behaviorJsonSchema(), null, 2)}\n`);
      setExitCode(0);
    });
}

/** `key=value` pairs; the value may hold `=` itself. */
function parseInputs(pairs: string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1)
      throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `--input ${pair} is not key=value`, {
        where: '--input',
        expected: 'key=value, e.g. --input spec=openapi.yaml',
      });
    inputs[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return inputs;
}

function llmMode(value: string): LlmMode {
  if ((LLM_MODES as readonly string[]).includes(value)) return value as LlmMode;
  throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `--llm ${value} is not a mode`, {
    where: '--llm',
    expected: LLM_MODES.join(', '),
  });
}

function summary(output: unknown): string {
  const text = typeof output === 'string' ? output : JSON.stringify(output);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
