import type { Command } from 'commander';
import { ModelError } from '../../core/model-errors.ts';
import type { ModelCheck, Probe } from '../../llm/check-model.ts';

/** `testops llm check`: is the configured model answering, and what can it do. */
export function registerLlmCommands(program: Command, setExitCode: (code: number) => void): void {
  const llm = program.command('llm').description('The optional language model (TESTOPS_LLM_* settings).');
  llm
    .command('check')
    .description(
      'Make one tiny real call to the configured model; print the model, the latency and the capabilities found (tools, JSON-schema output, streaming, embeddings).',
    )
    .option('--json', 'print the result as JSON')
    .action(async (flags: { json?: boolean }) => {
      const [{ readLlmSettings }, { checkModel }] = await Promise.all([
        import('../../llm/llm-settings.ts'),
        import('../../llm/check-model.ts'),
      ]);
      const settings = readLlmSettings();
      if (!settings)
        throw new ModelError('TESTOPS_LLM_NOT_CONFIGURED', 'no model is configured', {
          where: 'testops llm check',
          expected: 'TESTOPS_LLM_PROVIDER (cloudru, openrouter, openai) or TESTOPS_LLM_BASE_URL',
          hint: 'see "Model (optional)" in README.md.',
        });
      const check = await checkModel(settings);
      process.stdout.write(flags.json ? `${JSON.stringify(check, null, 2)}\n` : render(check));
      setExitCode(0);
    });
}

function render(check: ModelCheck): string {
  const line = (name: string, probe: Probe) =>
    `${name.padEnd(12)} ${probe.found ? 'yes' : 'no'}${probe.detail ? ` (${probe.detail})` : ''}`;
  return [
    `Model        ${check.model} (${check.provider}, ${check.baseUrl})`,
    `Latency      ${check.latencyMs} ms, first token after ${check.firstTokenMs} ms`,
    `Answer       ${JSON.stringify(check.answer)}`,
    line('Streaming', check.capabilities.streaming),
    line('JSON schema', check.capabilities.jsonSchema),
    line('Tools', check.capabilities.tools),
    line('Embeddings', check.capabilities.embeddings),
    '',
  ].join('\n');
}
