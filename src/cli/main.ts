import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import pc from 'picocolors';
import { errorSpec, exitCodeOf } from '../core/error-catalogue.ts';
import { isTestopsError } from '../core/errors.ts';
import { registerChatCommand } from './commands/chat.ts';
import { registerDemoCommands } from './commands/demo.ts';
import { registerGenerateCommands } from './commands/generate.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerGenerateCasesCommand } from './commands/generate-cases.ts';
import { registerOptimizeCommand } from './commands/optimize.ts';
import { registerCheckCommand } from './commands/check.ts';
import { registerPlanCommand } from './commands/plan.ts';
import { registerKeysCommands } from './commands/keys.ts';
import { registerLlmCommands } from './commands/llm.ts';
import { registerServeCommands } from './commands/serve.ts';
import { registerExploreCommand, registerGenerateUiCommand } from './commands/ui.ts';

/** package.json's version, which `npm run release` sets: one place for it. */
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * Entry point of the `testops` CLI; returns the process exit code: 0 delivered, 1 suspected
 * defects or flaky tests, 2 invalid input, 3 this machine, the target or testops itself failed.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('testops')
    .description(
      'TestOps Copilot: generates test suites, runs them against the target and delivers only what passes reliably.',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const generate = registerGenerateCommands(program, setExitCode);
  registerGenerateUiCommand(generate, setExitCode);
  registerGenerateCasesCommand(generate, setExitCode);
  registerExploreCommand(program);
  registerRunCommand(program, setExitCode);
  registerCheckCommand(program, setExitCode);
  registerOptimizeCommand(program, setExitCode);
  registerPlanCommand(program, setExitCode);
  registerDemoCommands(program, setExitCode);
  registerServeCommands(program);
  registerKeysCommands(program, setExitCode);
  registerLlmCommands(program, setExitCode);
  registerChatCommand(program);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isTestopsError(error)) {
      process.stderr.write(`${pc.red('error')} ${error.code}\n${error.message}\n`);
      return exitCodeOf(errorSpec(error.code).kind);
    }
    process.stderr.write(`${pc.red('unexpected error')} ${(error as Error).stack ?? String(error)}\n`);
    return 3;
  }
}
