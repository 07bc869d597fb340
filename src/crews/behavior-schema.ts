import { z } from 'zod';

/**
 * The behaviour file in CrewAI's vocabulary (agents, tasks, process). Agents and tasks come either
 * as CrewAI's mapping form (`agents: { generator: { role: … } }`) or as the list form of the
 * chat service we grew from (`agents: [{ role: … }]`, a task's `agent` naming a role).
 */
const name = z
  .string()
  .regex(/^[A-Za-z][\w-]{0,63}$/, 'a name of letters, digits, "_" or "-", starting with a letter');

const text = z.string().trim().min(1).max(20_000);

export const agentSchema = z
  .strictObject({
    name: name.optional().describe('The key tasks use in `agent:`; list form only (the role otherwise).'),
    role: text.max(200),
    goal: text,
    backstory: text.optional(),
    tools: z.array(name).max(32).default([]).describe('Tool names: the engine capabilities.'),
    allow_delegation: z.boolean().default(false),
    max_iter: z.number().int().min(1).max(50).default(8).describe('Steps (tool calls + answer) per task.'),
    llm: z.string().min(1).max(200).optional().describe('A model name; the configured model when absent.'),
    verbose: z.boolean().optional(),
  })
  .describe('An agent: who it is (role, goal, backstory) and what it may use (tools, delegation).');

export const taskSchema = z
  .strictObject({
    name: name.optional().describe('The key other tasks use in `context:`; list form only.'),
    description: text,
    expected_output: text,
    agent: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('An agent key (or role); the manager picks when absent.'),
    context: z
      .array(z.string().min(1).max(2_000))
      .max(64)
      .optional()
      .describe('Absent: every earlier task output; a list: those tasks; []: none.'),
    tools: z.array(name).max(32).optional().describe('Tools for this task only (else the agent’s).'),
    output_schema: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('JSON Schema the task output must match (CrewAI: output_json).'),
  })
  .describe('A task: what to do, what to deliver, who does it, which earlier outputs it reads.');

export const behaviorFileSchema = z
  .strictObject({
    version: z.literal(1).default(1),
    name: z.string().min(1).max(200).optional(),
    description: z.string().max(5_000).optional(),
    process: z.enum(['sequential', 'hierarchical']).default('sequential'),
    manager_agent: z.string().min(1).max(200).optional().describe('Hierarchical: the manager agent key.'),
    inputs: z
      .record(z.string(), z.string().max(2_000))
      .optional()
      .describe('Default values of `{placeholders}`; run inputs override them.'),
    agents: z.union([
      z.record(name, agentSchema).refine(nonEmpty, 'at least one agent'),
      z.array(agentSchema).min(1),
    ]),
    tasks: z.union([
      z.record(name, taskSchema).refine(nonEmpty, 'at least one task'),
      z.array(taskSchema).min(1),
    ]),
  })
  .describe('Agent crew behaviour (CrewAI vocabulary).');

function nonEmpty(record: Record<string, unknown>): boolean {
  return Object.keys(record).length > 0;
}

export type BehaviorFile = z.output<typeof behaviorFileSchema>;
export type AgentSpec = z.output<typeof agentSchema>;
export type TaskSpec = z.output<typeof taskSchema>;

/** The JSON Schema of the behaviour file, as `GET /api/v1/behavior/schema` serves it. */
export function behaviorJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(behaviorFileSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}
