import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TestopsError } from '../../../core/errors.ts';
import { exportTriageMemory, searchTriageMemory, triageReport } from '../../../pipeline/triage.ts';
import { projectIdSchema } from '../../jobs/job-inputs.ts';
import { actorOf, authorizeProject } from '../auth.ts';
import { errorResponseSchema } from '../contracts.ts';
import type { ServiceContext } from '../service-context.ts';
import {
  correctionSchema,
  memoryClusterSchema,
  memoryExportSchema,
  memoryListSchema,
  triageRequestSchema,
  triageResultSchema,
} from '../triage-contracts.ts';
import { visibleTask } from './task-routes.ts';

const projectParams = z.object({ id: projectIdSchema });
const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  413: errorResponseSchema,
};

/** Failure triage of a run, and the project's memory of triaged incidents. */
export function registerTriageRoutes(app: FastifyInstance, context: ServiceContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/projects/:id/triage',
    {
      schema: {
        summary: "Triage a run's failures: classes, root-cause clusters, next actions, memory",
        tags: ['triage'],
        params: projectParams,
        body: triageRequestSchema,
        response: { 200: triageResultSchema, ...errors },
      },
    },
    async (request) => {
      const projectId = request.params.id;
      authorizeProject(request, projectId);
      const { report, request_id, name, llm } = request.body;
      const input =
        report !== undefined ? { name: name ?? 'upload', text: report } : await taskReport(request_id!);
      return triageReport({
        input,
        projectId,
        memory: context.stores.triage,
        llm,
        responseCache: context.stores.llmCache,
      });

      async function taskReport(id: string): Promise<{ name: string; text: string }> {
        const job = await visibleTask(context, request, id);
        if (job.projectId !== projectId)
          throw new TestopsError('TESTOPS_TASK_NOT_FOUND', `no task ${id} in project ${projectId}.`);
        const stored = await context.stores.reports.getForJob(job.id);
        if (!stored)
          throw new TestopsError(
            'TESTOPS_NO_REPORT',
            `task ${id} has no report (yet); triage it when it has run.`,
          );
        return { name: `task ${id}`, text: JSON.stringify(stored.report) };
      }
    },
  );
  typed.get(
    '/api/v1/projects/:id/triage/memory',
    {
      schema: {
        summary:
          "The project's triage memory, most recently seen first; q searches text and nearest signature",
        tags: ['triage'],
        params: projectParams,
        querystring: z.object({
          q: z.string().min(1).max(500).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: memoryListSchema, ...errors },
      },
    },
    async (request) => {
      const projectId = request.params.id;
      authorizeProject(request, projectId);
      const { q, limit, offset } = request.query;
      const page = await context.stores.triage.list(projectId, { ...(q ? { text: q } : {}), limit, offset });
      if (!q) return { ...page, limit, offset };
      const { nearest } = await searchTriageMemory({
        memory: context.stores.triage,
        projectId,
        text: q,
        limit,
        model: { responseCache: context.stores.llmCache },
      });
      return { ...page, limit, offset, nearest };
    },
  );
  typed.get(
    '/api/v1/projects/:id/triage/memory/export',
    {
      schema: {
        summary: "The project's whole triage memory as one JSON document",
        tags: ['triage'],
        params: projectParams,
        response: { 200: memoryExportSchema, ...errors },
      },
    },
    async (request, reply) => {
      authorizeProject(request, request.params.id);
      reply.header('content-disposition', `attachment; filename="triage-memory-${request.params.id}.json"`);
      return exportTriageMemory(context.stores.triage, request.params.id);
    },
  );
  typed.post(
    '/api/v1/projects/:id/triage/memory/:cluster/correction',
    {
      schema: {
        summary: 'Correct the class of a remembered cluster; later triage keeps the correction',
        tags: ['triage'],
        params: projectParams.extend({
          cluster: z.string().regex(/^[0-9a-f]{16}$/, 'a cluster id as listed by GET …/triage/memory'),
        }),
        body: correctionSchema,
        response: { 200: memoryClusterSchema, ...errors },
      },
    },
    async (request) => {
      const { id: projectId, cluster } = request.params;
      authorizeProject(request, projectId);
      const by = request.body.by ?? actorOf(request);
      const corrected = await context.stores.triage.correct(projectId, cluster, {
        class: request.body.class,
        note: request.body.note,
        by,
      });
      if (!corrected)
        throw new TestopsError(
          'TESTOPS_TRIAGE_CLUSTER_NOT_FOUND',
          `no cluster ${cluster} in the triage memory of project ${projectId}; list them with GET /api/v1/projects/${projectId}/triage/memory.`,
        );
      await context.stores.audit.record({
        actor: actorOf(request),
        action: 'triage.correct',
        projectId,
        target: cluster,
        detail: { class: request.body.class, by },
      });
      return corrected;
    },
  );
}
