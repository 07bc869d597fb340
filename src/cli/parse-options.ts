import { type Command, InvalidArgumentError, Option } from 'commander';
import { CONFORMANCE_LEVELS, LLM_MODES, type LlmMode } from '../pipeline/option-values.ts';

/** `--var project_id=…` → { project_id: '…' }. */
export function collectVariable(
  value: string,
  previous: Record<string, string> = {},
): Record<string, string> {
  const equals = value.indexOf('=');
  if (equals <= 0)
    throw new InvalidArgumentError(`expected name=value, got "${value}" (e.g. --var project_id=6f1c…)`);
  return { ...previous, [value.slice(0, equals)]: value.slice(equals + 1) };
}

/** `--header "Authorization: Bearer …"`, repeatable. */
export function collectHeader(value: string, previous: string[] = []): string[] {
  if (value.indexOf(':') <= 0) throw new InvalidArgumentError(`expected "Name: value", got "${value}"`);
  return [...previous, value];
}

export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return number;
}

export function port(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535)
    throw new InvalidArgumentError(`expected a port 0–65535, got "${value}"`);
  return number;
}

/** `--auth-scheme Token`: one word, as it goes before the token in `Authorization`. */
export function authSchemeWord(value: string): string {
  if (!/^[A-Za-z][\w.-]*$/.test(value))
    throw new InvalidArgumentError(`expected one word such as Token or Bearer, got "${value}"`);
  return value;
}

/** `--conformance`, shared by `generate api` and `run`. */
export function conformanceOption(): Option {
  return new Option(
    '--conformance <level>',
    'strict: deviations from the documented contract (status, body schema, content type) are failures; lenient: they are reported as warnings that do not fail the run. ' +
      'In both, a documented-valid request refused for the suite\'s own input (400, 401, 403, 404, 409, 422, 429 on an operation whose success request was never accepted, or on the set-up creating what it acts on) is "not reached": listed with what would unlock it, its tests skipped, no finding; ' +
      "a variant refused while the same operation's success request passes, 5xx, 405, 406 and 415 stay findings",
  )
    .choices([...CONFORMANCE_LEVELS])
    .default('strict');
}

/** What `withModelOptions` adds to a command's flags. */
export interface ModelFlags {
  llm: LlmMode;
  cache: boolean;
  outputLanguage?: 'en' | 'ru';
}

/** `--llm`, `--no-cache` and `--output-language`: the same on every generating command. */
export function withModelOptions(command: Command): Command {
  return command
    .addOption(llmOption())
    .option('--no-cache', 'send every model call, even one answered before')
    .addOption(
      new Option(
        '--output-language <language>',
        "language of model-written text (default: the source's)",
      ).choices(['en', 'ru']),
    );
}

/** The pipeline's model options from those flags. */
export function modelOptionsOf(flags: ModelFlags): ModelFlags {
  return {
    llm: flags.llm,
    cache: flags.cache,
    ...(flags.outputLanguage ? { outputLanguage: flags.outputLanguage } : {}),
  };
}

/** `--llm`, the same on every command that can use the model. */
export function llmOption(): Option {
  return new Option(
    '--llm <mode>',
    'the language model: auto uses it when TESTOPS_LLM_* configure one; off never; required fails without a working one',
  )
    .choices([...LLM_MODES])
    .default('auto');
}
