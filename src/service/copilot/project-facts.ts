import type { JobRecord, JobStatus } from '../jobs/job.ts';
import type { CopilotScope } from './copilot-registry.ts';
import { projectTask } from './copilot-tasks.ts';

/** The project's state as plain data: what `/status` shows and the tools hand the model. */

/** Reports can be large; the model and the chat get this much of one. */
const REPORT_CHARS = 20_000;

export interface TaskFact {
  task_id: string;
  kind: string;
  status: JobStatus;
  created_at: string;
  finished_at: string | null;
  summary: Record<string, unknown> | null;
  errors: { code: string; message: string }[];
}

export function taskFact(job: JobRecord): TaskFact {
  return {
    task_id: job.id,
    kind: job.kind,
    status: job.status,
    created_at: job.createdAt.toISOString(),
    finished_at: job.finishedAt?.toISOString() ?? null,
    summary: job.summary ?? null,
    errors: job.errors.slice(0, 5).map((error) => ({ code: error.code, message: error.message })),
  };
}

export async function recentTasks(
  scope: CopilotScope,
  filter: { kind?: string; status?: JobStatus; limit: number },
): Promise<TaskFact[]> {
  const jobs = await scope.service.stores.jobs.list({
    projectId: scope.projectId,
    ...(filter.status ? { status: filter.status } : {}),
    // Filtering by kind happens here: the store filters by project and status only.
    limit: filter.kind ? 200 : filter.limit,
    offset: 0,
  });
  return jobs
    .filter((job) => !filter.kind || job.kind === filter.kind)
    .slice(0, filter.limit)
    .map(taskFact);
}

export async function projectOverview(scope: CopilotScope) {
  const { stores } = scope.service;
  const [project, tasks, tests, sources] = await Promise.all([
    stores.projects.get(scope.projectId),
    recentTasks(scope, { limit: 10 }),
    stores.tests.list({ projectId: scope.projectId, limit: 1, offset: 0 }),
    stores.sources.list(scope.projectId, { limit: 20 }),
  ]);
  return {
    project: {
      id: scope.projectId,
      name: project?.name ?? scope.projectId,
      description: project?.description ?? '',
    },
    recent_tasks: tasks,
    tests_stored: tests.total,
    sources: sources.map((source) => ({
      id: source.id,
      kind: source.kind,
      origin: source.origin,
      size: source.size,
    })),
  };
}

/** A task's report (the latest finished one by default), cut to a size a chat can hold. */
export async function taskReport(scope: CopilotScope, taskId: string | undefined) {
  const job = await projectTask(scope, taskId, { finished: true });
  if (!job) return undefined;
  const report = await scope.service.stores.reports.getForJob(job.id);
  const text = report ? JSON.stringify(report.report) : '';
  return {
    task: taskFact(job),
    report_kind: report?.kind ?? null,
    report:
      text.length > REPORT_CHARS
        ? `${text.slice(0, REPORT_CHARS)}… (cut; the whole report is in the task's artifacts)`
        : (report?.report ?? null),
  };
}
