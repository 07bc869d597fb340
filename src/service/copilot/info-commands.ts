import type { CopilotRegistry, SlashCommand } from './copilot-registry.ts';
import { projectOverview, taskReport } from './project-facts.ts';
import { projectTask } from './copilot-tasks.ts';

/** The commands that answer from the store, and /help, which lists whatever is registered. */
export function infoCommands(registry: CopilotRegistry): SlashCommand[] {
  return [
    {
      name: 'status',
      usage: '/status [task id]',
      summary: 'The project’s recent tasks, or one task’s status and progress.',
      run: async (args, scope) => {
        const taskId = args.trim().split(/\s+/)[0];
        if (taskId) {
          const job = await projectTask(scope, taskId);
          if (!job) return { text: `This project has no task ${taskId}.` };
          const stage = job.progress.stage ? `, ${job.progress.stage}` : '';
          return {
            text: `Task ${job.id} (${job.kind}) is ${job.status} (${job.progress.percent} %${stage}).`,
            data: { task: job.id, status: job.status, progress: job.progress, summary: job.summary ?? null },
          };
        }
        const overview = await projectOverview(scope);
        const lines = overview.recent_tasks.map(
          (task) => `- ${task.task_id} ${task.kind}: ${task.status} (${task.created_at})`,
        );
        return {
          text: [
            `Project ${overview.project.name}: ${overview.tests_stored} stored tests, ${overview.sources.length} sources.`,
            lines.length ? 'Recent tasks:' : 'No tasks yet: start one with /generate.',
            ...lines,
          ].join('\n'),
          data: overview,
        };
      },
    },
    {
      name: 'report',
      usage: '/report [task id]',
      summary: 'The report of the latest finished task (or the task given).',
      run: async (args, scope) => {
        const found = await taskReport(scope, args.trim().split(/\s+/)[0] || undefined);
        if (!found) return { text: 'No finished task to report on yet: start one with /generate.' };
        const summary = found.task.summary ? JSON.stringify(found.task.summary) : 'no summary';
        return {
          text: `Task ${found.task.task_id} (${found.task.kind}, ${found.task.status}): ${summary}. The full report is at /api/v1/tasks/${found.task.task_id}/artifacts.`,
          data: found,
        };
      },
    },
    {
      name: 'triage',
      usage: '/triage [task id]',
      summary: 'Classify the failures of a run (product defect, test defect, flaky, environment).',
      run: async () => ({
        text: 'Failure triage is not available in this build. /report shows the latest run’s verdicts meanwhile.',
      }),
    },
    {
      name: 'help',
      usage: '/help',
      summary: 'The commands this chat understands.',
      run: async () => ({
        text: [
          'Commands (they work without a model):',
          ...registry.commands().map((command) => `${command.usage} — ${command.summary}`),
          'Anything else is a question for the model, when one is configured.',
        ].join('\n'),
      }),
    },
  ];
}
