import { Ajv, type ValidateFunction } from 'ajv';

/** A task's `output_schema`, compiled once: structured outputs are checked before they count. */
export interface OutputCheck {
  schema: Record<string, unknown>;
  validate: ValidateFunction;
}

const ajv = new Ajv({ allErrors: false, strict: false });

export function compileOutputSchema(schema: Record<string, unknown> | undefined): OutputCheck | undefined {
  return schema ? { schema, validate: ajv.compile(schema) } : undefined;
}

/** Why an output does not match its task's schema, or undefined when it does (or there is none). */
export function outputProblem(check: OutputCheck | undefined, output: unknown): string | undefined {
  if (!check || check.validate(output)) return undefined;
  const error = check.validate.errors?.[0];
  return `${error?.instancePath || 'the output'} ${error?.message ?? 'does not match output_schema'}`;
}
