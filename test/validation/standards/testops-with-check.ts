// The `testops` CLI as it runs once src/cli/main.ts registers the check command: the same
// program settings and the same mapping of errors to exit codes (2 for bad input). Tests run it
// as a child process: node bin/run-ts.js test/validation/standards/testops-with-check.ts check …
import { Command, CommanderError } from 'commander';
import { registerCheckCommand } from '../../../src/cli/commands/check.ts';
import { isTestopsError } from '../../../src/core/errors.ts';

const program = new Command('testops').showHelpAfterError('(run with --help for usage)').exitOverride();
let exitCode = 0;
registerCheckCommand(program, (code) => {
  exitCode = code;
});
try {
  await program.parseAsync(process.argv.slice(3), { from: 'user' });
} catch (error) {
  if (error instanceof CommanderError) exitCode = error.exitCode === 0 ? 0 : 2;
  else if (isTestopsError(error)) {
    process.stderr.write(`error ${error.code}\n${error.message}\n`);
    exitCode = 2;
  } else throw error;
}
process.exitCode = exitCode;
