import { TestopsError } from '../../core/errors.ts';
import { jobInputSchemas, type InlineFile } from '../jobs/job-inputs.ts';
import type { JobKind, JobRecord } from '../jobs/job.ts';
import { submitFromService } from '../http/job-submission.ts';
import type { CopilotScope } from './copilot-registry.ts';
import type { StartedTask } from './copilot-events.ts';

/** Suites are produced by these kinds; `/check` and `/optimize` read the latest one's files. */
const SUITE_KINDS: readonly JobKind[] = ['api-tests', 'test-cases'];
/** Test code, not the support code copied beside it, nor reports or evidence. */
const TEST_FILE = /\.(py|ts|js|mjs|cjs)$/;
const SUPPORT_PATH = /(^|\/)(node_modules|runtime|evidence|__pycache__)\//;

/**
 * Starts a task from the chat through the HTTP API's own path (input schema, SSRF guard,
 * queue, metrics, audit): a bad argument is a clear error, not a failed job.
 */
export async function startTask(
  scope: CopilotScope,
  kind: JobKind,
  input: Record<string, unknown>,
): Promise<StartedTask> {
  const parsed = jobInputSchemas[kind].safeParse({ ...input, project_id: scope.projectId });
  if (!parsed.success)
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `cannot start a ${kind} task`, {
      problems: parsed.error.issues.map((issue) => ({
        where: issue.path.join('.') || kind,
        problem: issue.message,
      })),
      expected: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    });
  const { job } = await submitFromService(scope.service, {
    projectId: scope.projectId,
    kind,
    input: parsed.data as Record<string, unknown>,
    actor: scope.actor,
  });
  return taskOf(job);
}

export function taskOf(job: JobRecord): StartedTask {
  return {
    task_id: job.id,
    kind: job.kind,
    status: job.status,
    task_url: `/api/v1/tasks/${job.id}`,
    stream_url: `/api/v1/stream/${job.id}`,
  };
}

/** A task of the project by id, or its latest (of these kinds, finished when asked). */
export async function projectTask(
  scope: CopilotScope,
  taskId: string | undefined,
  filter: { kinds?: readonly JobKind[]; finished?: boolean } = {},
): Promise<JobRecord | undefined> {
  const { jobs } = scope.service.stores;
  if (taskId) {
    const job = await jobs.get(taskId).catch(() => undefined);
    return job && job.projectId === scope.projectId ? job : undefined;
  }
  const recent = await jobs.list({ projectId: scope.projectId, limit: 50, offset: 0 });
  return recent.find(
    (job) =>
      (!filter.kinds || filter.kinds.includes(job.kind)) && (!filter.finished || job.status === 'completed'),
  );
}

/** The test files of a suite the project generated (the latest completed one by default). */
export async function suiteFiles(
  scope: CopilotScope,
  taskId: string | undefined,
): Promise<{ job: JobRecord; files: InlineFile[] }> {
  const job = await projectTask(scope, taskId, { kinds: SUITE_KINDS, finished: true });
  if (!job)
    throw new TestopsError(
      'TESTOPS_INVALID_ARGUMENT',
      taskId
        ? `this project has no task ${taskId}`
        : 'this project has no generated suite yet: start one with /generate api <openapi url> or /generate ui <url>',
    );
  const artifacts = await scope.service.stores.artifacts.listForJob(job.id);
  const files = artifacts
    .filter((artifact) => TEST_FILE.test(artifact.path) && !SUPPORT_PATH.test(artifact.path))
    .slice(0, 2_000)
    .map((artifact) => ({ path: artifact.path, content: artifact.content.toString('utf8') }));
  if (files.length === 0)
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `task ${job.id} (${job.kind}) produced no test files`);
  return { job, files };
}
