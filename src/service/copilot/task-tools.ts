import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { JOB_KINDS, type JobKind } from '../jobs/job.ts';
import type { CopilotRegistry, CopilotScope, SlashCommand } from './copilot-registry.ts';
import { startTask } from './copilot-tasks.ts';
import { chatTool } from './project-tools.ts';

/** Input fields that point a task at a live system: running it sends requests there. */
const LIVE_TARGET_FIELDS = ['base_url', 'url'] as const;

interface PendingTask {
  needs_confirmation: true;
  confirmation_id: string;
  kind: JobKind;
  input: Record<string, unknown>;
  reason: string;
}

/**
 * `start_task` for the model and `/confirm` for the user. A task that would act on a live
 * system outside the project (explore a web app, run a suite against an API) is not started by
 * the model: its result asks the user, and "/confirm <id>" starts exactly what was shown.
 */
export function registerTaskTools(registry: CopilotRegistry): void {
  registry.registerTool('start_task', (scope) =>
    chatTool({
      name: 'start_task',
      description: [
        'Starts a task in the project. Kinds and their input (the HTTP API bodies):',
        'api-tests {openapi_url, base_url?} (base_url runs the suite against it);',
        'test-cases {url?, requirements?: string[], test_type: manual|automated|both};',
        'test-plan {openapi_url | requirements}; validate/optimize/prioritize take files.',
        'Tasks against a live url ask the user to confirm first: tell them the confirmation id.',
      ].join(' '),
      inputSchema: z.object({ kind: z.enum(JOB_KINDS), input: z.record(z.string(), z.unknown()) }),
      execute: async ({ kind, input }) => {
        const live = LIVE_TARGET_FIELDS.filter((field) => typeof input[field] === 'string');
        if (live.length === 0) return { started: await startTask(scope, kind, input) };
        const pending: PendingTask = {
          needs_confirmation: true,
          confirmation_id: randomBytes(4).toString('hex'),
          kind,
          input,
          reason: `this ${kind} task sends requests to ${live.map((field) => String(input[field])).join(' and ')}, outside the project`,
        };
        return { ...pending, how: `ask the user to reply "/confirm ${pending.confirmation_id}" to start it` };
      },
    }),
  );
  registry.registerCommand(confirmCommand);
}

const confirmCommand: SlashCommand = {
  name: 'confirm',
  usage: '/confirm <id>',
  summary: 'Start a task the copilot proposed and asked you to confirm.',
  run: async (args, scope) => {
    const id = args.trim().split(/\s+/)[0] ?? '';
    const pending = await findPending(scope, id);
    if (!pending)
      return {
        text: `Nothing waits for confirmation ${id || '(no id given)'} in this chat. Usage: /confirm <id>.`,
      };
    const task = await startTask(scope, pending.kind, pending.input);
    return {
      text: `Confirmed: started task ${task.task_id} (${task.kind}). Follow it here or at ${task.task_url}.`,
      tasks: [task],
      data: { confirmed: id },
    };
  },
};

/** The proposal with this id in the chat's recent replies, unless it was confirmed already. */
async function findPending(scope: CopilotScope, id: string): Promise<PendingTask | undefined> {
  if (!/^[0-9a-f]{8}$/.test(id)) return undefined;
  const { items } = await scope.service.stores.chats.history({
    projectId: scope.projectId,
    chatId: scope.chatId,
    order: 'desc',
    limit: 200,
  });
  const outputs = items.flatMap((message) => message.toolCalls ?? []).map((call) => call.output);
  if (outputs.some((output) => (output as { data?: { confirmed?: string } })?.data?.confirmed === id))
    return undefined;
  return outputs.find(
    (output): output is PendingTask =>
      (output as PendingTask | undefined)?.needs_confirmation === true &&
      (output as PendingTask).confirmation_id === id,
  );
}
