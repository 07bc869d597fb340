import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FINAL_STATUSES, JOB_STATUSES, type JobRecord } from '../../jobs/job.ts';
import { retryJob } from '../../jobs/submit-job.ts';
import { projectIdSchema } from '../../jobs/job-inputs.ts';
import { actorOf, authorizeProject } from '../auth.ts';
import { errorResponseSchema, taskListSchema, taskSchema, taskView } from '../contracts.ts';
import { TestopsError } from '../../../core/errors.ts';
import type { ServiceContext } from '../service-context.ts';

const idParams = z.object({ id: z.uuid({ error: 'a task id as returned in request_id' }) });
const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** Loads a task the caller may see, or answers 404/403. */
export async function visibleTask(
  context: ServiceContext,
  request: Parameters<typeof authorizeProject>[0],
  id: string,
): Promise<JobRecord> {
  const job = await context.stores.jobs.get(id);
  if (!job)
    throw new TestopsError(
      'TESTOPS_TASK_NOT_FOUND',
      `no task ${id}; task ids come from the request_id of a submission.`,
    );
  authorizeProject(request, job.projectId);
  return job;
}

export function registerTaskRoutes(app: FastifyInstance, context: ServiceContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/tasks/:id',
    {
      schema: {
        summary: 'A task: status, progress, summary and errors',
        tags: ['tasks'],
        params: idParams,
        response: { 200: taskSchema, ...errors },
      },
    },
    async (request) => taskView(await visibleTask(context, request, request.params.id)),
  );
  typed.get(
    '/api/v1/tasks',
    {
      schema: {
        summary: 'Tasks, newest first',
        tags: ['tasks'],
        querystring: z.object({
          project: projectIdSchema.optional(),
          status: z.enum(JOB_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: taskListSchema, ...errors },
      },
    },
    async (request) => {
      const { project, status, limit, offset } = request.query;
      const scoped =
        request.apiKey && request.apiKey.projectId !== '*' ? request.apiKey.projectId : undefined;
      if (project) authorizeProject(request, project);
      const jobs = await context.stores.jobs.list({
        ...((project ?? scoped) ? { projectId: project ?? scoped } : {}),
        ...(status ? { status } : {}),
        limit,
        offset,
      });
      return { items: jobs.map(taskView), limit, offset };
    },
  );
  typed.post(
    '/api/v1/tasks/:id/cancel',
    {
      schema: {
        summary: 'Cancel a pending or running task',
        tags: ['tasks'],
        params: idParams,
        response: { 200: taskSchema, ...errors },
      },
    },
    async (request) => {
      const job = await visibleTask(context, request, request.params.id);
      if (FINAL_STATUSES.includes(job.status))
        throw new TestopsError(
          'TESTOPS_TASK_FINISHED',
          `the task is already ${job.status}; retry it with POST /api/v1/tasks/${job.id}/retry.`,
        );
      const updated = (await context.stores.jobs.requestCancel(job.id)) ?? job;
      await context.queue.cancel(job.id);
      if (updated.status === 'cancelled') {
        // Never started: no worker will report it, so the stream hears it from here.
        const event = await context.stores.jobs.appendEvent(job.id, { type: 'status', status: 'cancelled' });
        await context.bus.publish(event);
      }
      await context.stores.audit.record({
        actor: actorOf(request),
        action: 'job.cancel',
        projectId: job.projectId,
        target: job.id,
        detail: {},
      });
      return taskView(updated);
    },
  );
  typed.post(
    '/api/v1/tasks/:id/retry',
    {
      schema: {
        summary: 'Run a failed or cancelled task again',
        tags: ['tasks'],
        params: idParams,
        response: { 200: taskSchema, ...errors },
      },
    },
    async (request) => {
      const job = await visibleTask(context, request, request.params.id);
      const retried = await retryJob(
        context.stores,
        context.queue,
        job.id,
        actorOf(request),
        context.traceparent(),
      );
      if (!retried)
        throw new TestopsError(
          'TESTOPS_TASK_NOT_RETRYABLE',
          `only failed or cancelled tasks can be retried; this one is ${job.status}.`,
        );
      return taskView(retried);
    },
  );
}
