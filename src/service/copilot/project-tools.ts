import { z } from 'zod';
import type { ChatTool } from '../../core/chat-model.ts';
import { JOB_KINDS, JOB_STATUSES } from '../jobs/job.ts';
import type { CopilotRegistry, CopilotScope } from './copilot-registry.ts';
import { projectOverview, recentTasks, taskReport } from './project-facts.ts';

/** Source text handed to the model at most. */
const SOURCE_CHARS = 30_000;

/**
 * Read-only tools over the project's store: what grounds the copilot's answers ("which
 * operations have no negative tests?", "why did the last run fail?").
 */
export function registerProjectTools(registry: CopilotRegistry): void {
  registry
    .registerTool('project_overview', (scope) =>
      chatTool({
        name: 'project_overview',
        description:
          'The project: its recent tasks (runs) with summaries, how many tests are stored, its sources.',
        inputSchema: z.object({}),
        execute: () => projectOverview(scope),
      }),
    )
    .registerTool('list_tasks', (scope) =>
      chatTool({
        name: 'list_tasks',
        description:
          'Recent tasks of the project (generation runs, checks, plans), newest first, with their summaries and errors.',
        inputSchema: z.object({
          kind: z.enum(JOB_KINDS).optional(),
          status: z.enum(JOB_STATUSES).optional(),
          limit: z.number().int().min(1).max(50).default(10),
        }),
        execute: (input) => recentTasks(scope, input),
      }),
    )
    .registerTool('list_runs', (scope) =>
      chatTool({
        name: 'list_runs',
        description:
          'Recent finished runs (API and UI suites run against their targets) with their verdict counts.',
        inputSchema: z.object({ limit: z.number().int().min(1).max(50).default(5) }),
        execute: async (input) => {
          const tasks = await recentTasks(scope, { limit: 50 });
          return tasks
            .filter((task) => ['api-tests', 'test-cases'].includes(task.kind) && task.finished_at)
            .slice(0, input.limit);
        },
      }),
    )
    .registerTool('get_report', (scope) =>
      chatTool({
        name: 'get_report',
        description:
          'The report of a finished task (run report with verdicts and findings, check report, plan…); the latest one when no id is given.',
        inputSchema: z.object({ task_id: z.string().max(64).optional() }),
        execute: async (input) => (await taskReport(scope, input.task_id)) ?? { found: false },
      }),
    )
    .registerTool('list_tests', (scope) =>
      chatTool({
        name: 'list_tests',
        description:
          'Generated tests of the project (key, title, operation or page, verdict), filtered by kind, status or text.',
        inputSchema: z.object({
          kind: z.enum(['api', 'ui', 'manual']).optional(),
          status: z.enum(['delivered', 'defect', 'flaky', 'unverified']).optional(),
          text: z.string().max(200).optional(),
          limit: z.number().int().min(1).max(200).default(50),
        }),
        execute: async (input) => {
          const { items, total } = await scope.service.stores.tests.list({
            projectId: scope.projectId,
            ...input,
            offset: 0,
          });
          return {
            total,
            tests: items.map((test) => ({
              key: test.key,
              kind: test.kind,
              status: test.status,
              title: test.title,
              target: test.target ?? null,
            })),
          };
        },
      }),
    )
    .registerTool('read_source', (scope) =>
      chatTool({
        name: 'read_source',
        description:
          "One of the project's sources (OpenAPI spec, page model, requirements, tests, defects) by id from project_overview.",
        inputSchema: z.object({ id: z.string().max(64) }),
        execute: async (input) => {
          const source = await scope.service.stores.sources.get(input.id);
          if (!source || source.projectId !== scope.projectId) return { found: false };
          return {
            kind: source.kind,
            origin: source.origin,
            content: source.content.slice(0, SOURCE_CHARS),
            cut: source.content.length > SOURCE_CHARS,
          };
        },
      }),
    );
}

/** Keeps the input type of `execute` tied to the schema while the registry holds `ChatTool`s. */
export function chatTool<Input>(tool: {
  name: string;
  description: string;
  inputSchema: z.ZodType<Input>;
  execute: (input: Input) => Promise<unknown>;
}): ChatTool {
  return { ...tool, execute: (input) => tool.execute(input as Input) } as ChatTool;
}

export type { CopilotScope };
