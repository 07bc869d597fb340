import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobInputSchemas } from '../../jobs/job-inputs.ts';
import type { JobKind } from '../../jobs/job.ts';
import { DEFAULT_PROJECT } from '../../store/stores.ts';
import { actorOf, authorizeProject } from '../auth.ts';
import { acceptedSchema, errorResponseSchema } from '../contracts.ts';
import { inputLimitsHook } from '../input-limits.ts';
import { submitFromService } from '../job-submission.ts';
import type { ServiceContext } from '../service-context.ts';

const routes: { path: string; kind: JobKind; summary: string }[] = [
  {
    path: '/api/v1/generate/api-tests',
    kind: 'api-tests',
    summary: 'Generate API tests from OpenAPI, run and verify them',
  },
  {
    path: '/api/v1/generate/test-cases',
    kind: 'test-cases',
    summary: 'Generate manual cases and/or verified UI tests',
  },
  { path: '/api/v1/validate', kind: 'validate', summary: 'Check test files against the standards' },
  {
    path: '/api/v1/optimize',
    kind: 'optimize',
    summary: 'Find duplicate, outdated and conflicting tests; coverage and gaps',
  },
  { path: '/api/v1/test-plan/generate', kind: 'test-plan', summary: 'Generate a prioritised test plan' },
  { path: '/api/v1/test-plan/prioritize', kind: 'prioritize', summary: 'Rank an existing suite by risk' },
];

const headers = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Submitting the same key again in a project returns the first task instead of a new one.'),
});

/**
 * Every generator is a job: 202 with the task id, its stream and its status URL; 400 when a
 * target it names is refused by the SSRF guard already.
 */
export function registerSubmitRoutes(app: FastifyInstance, context: ServiceContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const limits = inputLimitsHook(context.config.inputLimits);
  for (const route of routes) {
    typed.post(
      route.path,
      {
        preValidation: limits,
        schema: {
          summary: route.summary,
          tags: ['jobs'],
          body: jobInputSchemas[route.kind],
          headers,
          response: {
            202: acceptedSchema,
            200: acceptedSchema,
            400: errorResponseSchema,
            401: errorResponseSchema,
            403: errorResponseSchema,
            413: errorResponseSchema,
          },
        },
      },
      async (request, reply) => {
        const body = request.body as { project_id?: string } & Record<string, unknown>;
        const projectId = body.project_id ?? DEFAULT_PROJECT;
        authorizeProject(request, projectId);
        const { job, created } = await submitFromService(context, {
          projectId,
          kind: route.kind,
          input: body,
          idempotencyKey: request.headers['idempotency-key'],
          actor: actorOf(request),
        });
        return reply.code(created ? 202 : 200).send({
          request_id: job.id,
          status: job.status,
          stream_url: `/api/v1/stream/${job.id}`,
          task_url: `/api/v1/tasks/${job.id}`,
        });
      },
    );
  }
}
