import { renderTriage, triageReport } from '../../pipeline/triage.ts';
import type { SlashCommand } from './copilot-registry.ts';
import { projectTask, SUITE_KINDS } from './copilot-tasks.ts';

/**
 * `/triage [task id]`: the failures of a suite task's run (the latest finished one by default)
 * classified and clustered with the project's memory — the same call as `testops triage` and
 * `POST /api/v1/projects/{id}/triage`, without a model so it works before one is configured.
 */
export const triageCommand: SlashCommand = {
  name: 'triage',
  usage: '/triage [task id]',
  summary: 'Classify the failures of a run (product defect, test defect, flaky, environment).',
  run: async (args, scope) => {
    const taskId = args.trim().split(/\s+/)[0] || undefined;
    const job = await projectTask(scope, taskId, { kinds: SUITE_KINDS, finished: true });
    if (!job)
      return {
        text: taskId
          ? `This project has no finished suite task ${taskId}.`
          : 'No finished suite run to triage yet: start one with /generate api or /generate ui.',
      };
    const stored = await scope.service.stores.reports.getForJob(job.id);
    if (!stored) return { text: `Task ${job.id} has no run report to triage.` };
    const result = await triageReport({
      input: { name: `task ${job.id}`, text: JSON.stringify(stored.report) },
      projectId: scope.projectId,
      memory: scope.service.stores.triage,
      llm: 'off',
    });
    return { text: renderTriage(result), data: result };
  },
};
