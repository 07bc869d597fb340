import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZipFile } from 'yazl';
import { z } from 'zod';
import { TestopsError } from '../../../core/errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { visibleTask } from './task-routes.ts';

const params = z.object({ id: z.uuid() });

/** The emitted suites, cases and reports of a task: a zip, and the report as JSON. */
export function registerArtifactRoutes(app: FastifyInstance, context: ServiceContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/tasks/:id/artifacts',
    {
      schema: { summary: 'Zip of the files the task produced', tags: ['tasks'], params },
    },
    async (request, reply) => {
      const job = await visibleTask(context, request, request.params.id);
      const files = await context.stores.artifacts.listForJob(job.id);
      if (files.length === 0)
        throw new TestopsError(
          'TESTOPS_NO_ARTIFACTS',
          `task ${job.id} has no artifacts (it is ${job.status}); they appear when it completes.`,
        );
      const zip = new ZipFile();
      const mtime = job.finishedAt ?? job.createdAt;
      for (const file of files) zip.addBuffer(file.content, file.path, { mtime });
      zip.end();
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="testops-${job.kind}-${job.id}.zip"`)
        .send(zip.outputStream);
    },
  );
  typed.get(
    '/api/v1/tasks/:id/report',
    {
      schema: {
        summary: 'The report of a completed task (run report, standards, optimisation, plan)',
        tags: ['tasks'],
        params,
      },
    },
    async (request) => {
      const job = await visibleTask(context, request, request.params.id);
      const report = await context.stores.reports.getForJob(job.id);
      if (!report)
        throw new TestopsError(
          'TESTOPS_NO_REPORT',
          `task ${job.id} has no report yet (it is ${job.status}).`,
        );
      return report;
    },
  );
}
