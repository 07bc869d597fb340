import { z } from 'zod';
import { JOB_KINDS, JOB_STATUSES, type JobRecord } from '../jobs/job.ts';
import { TEST_PRIORITIES, type TestRecord } from '../store/stores.ts';

/** Response bodies of the HTTP API; request bodies are the job input schemas (jobs/job-inputs.ts). */

export const acceptedSchema = z.object({
  request_id: z.string().describe('The task id: poll /api/v1/tasks/{id} or stream /api/v1/stream/{id}.'),
  status: z.enum(JOB_STATUSES),
  stream_url: z.string(),
  task_url: z.string(),
});

const jobErrorSchema = z.object({ code: z.string(), message: z.string(), where: z.string().optional() });

export const taskSchema = z.object({
  request_id: z.string(),
  project_id: z.string(),
  kind: z.enum(JOB_KINDS),
  status: z.enum(JOB_STATUSES),
  progress: z.object({ percent: z.number(), stage: z.string().nullable() }),
  summary: z.record(z.string(), z.unknown()).nullable(),
  errors: z.array(jobErrorSchema),
  attempts: z.number(),
  cancel_requested: z.boolean(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  links: z.object({ self: z.string(), stream: z.string(), artifacts: z.string(), tests: z.string() }),
});

export const taskListSchema = z.object({ items: z.array(taskSchema), limit: z.number(), offset: z.number() });

export const testSchema = z.object({
  id: z.string(),
  project_id: z.string(),
  request_id: z.string(),
  key: z.string(),
  kind: z.enum(['api', 'ui', 'manual']),
  status: z.enum(['delivered', 'defect', 'flaky', 'unverified']),
  title: z.string(),
  target: z.string().nullable(),
  file: z.string().nullable(),
  priority: z
    .enum(TEST_PRIORITIES)
    .nullable()
    .describe("The case's priority; null for tests generated before suites recorded it"),
  version: z.number(),
  created_at: z.string(),
});
export const testDetailSchema = testSchema.extend({ document: z.record(z.string(), z.unknown()) });
export const testListSchema = z.object({
  items: z.array(testSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});

export function taskView(job: JobRecord): z.infer<typeof taskSchema> {
  const base = `/api/v1/tasks/${job.id}`;
  return {
    request_id: job.id,
    project_id: job.projectId,
    kind: job.kind,
    status: job.status,
    progress: { percent: job.progress.percent, stage: job.progress.stage ?? null },
    summary: job.summary ?? null,
    errors: job.errors,
    attempts: job.attempts,
    cancel_requested: job.cancelRequested,
    created_at: job.createdAt.toISOString(),
    started_at: job.startedAt?.toISOString() ?? null,
    finished_at: job.finishedAt?.toISOString() ?? null,
    links: {
      self: base,
      stream: `/api/v1/stream/${job.id}`,
      artifacts: `${base}/artifacts`,
      tests: `/api/v1/tests?request_id=${job.id}`,
    },
  };
}

export function testView(test: TestRecord): z.infer<typeof testSchema> {
  return {
    id: test.id,
    project_id: test.projectId,
    request_id: test.jobId,
    key: test.key,
    kind: test.kind,
    status: test.status,
    title: test.title,
    target: test.target ?? null,
    file: test.file ?? null,
    priority: test.priority ?? null,
    version: test.version,
    created_at: test.createdAt.toISOString(),
  };
}

export { errorResponseSchema } from './error-response.ts';
