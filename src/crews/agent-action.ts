import { z } from 'zod';

/**
 * What an agent does in one step, as the model returns it through structured output (works on
 * any OpenAI-compatible model: JSON schema where supported, JSON mode with the schema otherwise).
 */
export type AgentAction =
  | { action: 'tool'; tool: string; args: Record<string, unknown>; thought?: string }
  | { action: 'delegate'; coworker: string; question: string; thought?: string }
  | { action: 'final'; answer: unknown; thought?: string };

const thought = z.string().max(4_000).optional().describe('Why this step, briefly.');

/** The action schema for one step: only the tools and coworkers this agent has. */
export function actionSchema(options: { tools: string[]; coworkers: string[] }): z.ZodType<AgentAction> {
  const final = z.strictObject({
    action: z.literal('final'),
    answer: z
      .unknown()
      .refine((value) => value !== undefined, 'an answer is required')
      .describe('The task output: text, or a JSON object when the task asks for one.'),
    thought,
  });
  const choices: z.ZodType<AgentAction>[] = [final as z.ZodType<AgentAction>];
  if (options.tools.length > 0)
    choices.push(
      z.strictObject({
        action: z.literal('tool'),
        tool: z.enum(options.tools as [string, ...string[]]),
        args: z.record(z.string(), z.unknown()).describe('Arguments by name; known inputs may be left out.'),
        thought,
      }) as z.ZodType<AgentAction>,
    );
  if (options.coworkers.length > 0)
    choices.push(
      z.strictObject({
        action: z.literal('delegate'),
        coworker: z.enum(options.coworkers as [string, ...string[]]),
        question: z.string().min(1).max(4_000),
        thought,
      }) as z.ZodType<AgentAction>,
    );
  return choices.length === 1
    ? choices[0]!
    : (z.union(choices as [z.ZodType, z.ZodType]) as z.ZodType<AgentAction>);
}
