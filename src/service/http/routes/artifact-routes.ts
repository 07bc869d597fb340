import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZipFile } from 'yazl';
import { z } from 'zod';
import { TestopsError } from '../../../core/errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { visibleTask } from './task-routes.ts';

const params = z.object({ id: z.uuid() });
const fileListSchema = z.object({ items: z.array(z.object({ path: z.string(), size: z.number() })) });

// Files are shown by the web UI on the API's own origin: only images keep their type; anything
// else is plain text (an emitted HTML report must never run as a page here), traces download.
const FILE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  zip: 'application/zip',
};

function fileType(path: string): string {
  return FILE_TYPES[path.split('.').at(-1)?.toLowerCase() ?? ''] ?? 'text/plain; charset=utf-8';
}

async function jobArtifacts(context: ServiceContext, id: string, status: string) {
  const files = await context.stores.artifacts.listForJob(id);
  if (files.length === 0)
    throw new TestopsError(
      'TESTOPS_NO_ARTIFACTS',
      `task ${id} has no artifacts (it is ${status}); they appear when it completes.`,
    );
  return files;
}

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
      const files = await jobArtifacts(context, job.id, job.status);
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
  typed.get(
    '/api/v1/tasks/:id/files',
    {
      schema: {
        summary: 'The files the task produced: paths and sizes',
        tags: ['tasks'],
        params,
        response: { 200: fileListSchema },
      },
    },
    async (request) => {
      const job = await visibleTask(context, request, request.params.id);
      const files = await jobArtifacts(context, job.id, job.status);
      return { items: files.map((file) => ({ path: file.path, size: file.content.length })) };
    },
  );
  typed.get(
    '/api/v1/tasks/:id/files/*',
    {
      schema: {
        summary: 'One file the task produced (text, an image, or a trace to download)',
        tags: ['tasks'],
        params: params.extend({ '*': z.string().min(1).max(1000) }),
      },
    },
    async (request, reply) => {
      const job = await visibleTask(context, request, request.params.id);
      const path = request.params['*'];
      const file = (await jobArtifacts(context, job.id, job.status)).find((item) => item.path === path);
      if (!file)
        throw new TestopsError(
          'TESTOPS_NO_ARTIFACTS',
          `task ${job.id} has no file "${path}"; list its files with GET /api/v1/tasks/${job.id}/files.`,
        );
      const type = fileType(path);
      if (type === 'application/zip')
        reply.header(
          'content-disposition',
          `attachment; filename="${path.split('/').at(-1)!.replace(/"/g, '')}"`,
        );
      return reply
        .type(type)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
        .send(file.content);
    },
  );
}
