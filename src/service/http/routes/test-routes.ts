import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { projectIdSchema } from '../../jobs/job-inputs.ts';
import { authorizeProject } from '../auth.ts';
import { errorResponseSchema, testDetailSchema, testListSchema, testView } from '../contracts.ts';
import { TestopsError } from '../../../core/errors.ts';
import type { ServiceContext } from '../service-context.ts';
import { TEST_PRIORITIES } from '../../store/stores.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};

export function registerTestRoutes(app: FastifyInstance, context: ServiceContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/tests',
    {
      schema: {
        summary: 'Generated tests (automated and manual), filtered and paginated',
        tags: ['tests'],
        querystring: z.object({
          project: projectIdSchema.optional(),
          kind: z.enum(['api', 'ui', 'manual']).optional(),
          status: z.enum(['delivered', 'defect', 'flaky', 'unverified']).optional(),
          priority: z.enum(TEST_PRIORITIES).optional(),
          q: z.string().min(1).max(200).optional().describe('Text found in the title or the operation/page'),
          request_id: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: testListSchema, ...errors },
      },
    },
    async (request) => {
      const { project, kind, status, priority, q, request_id, limit, offset } = request.query;
      if (project) authorizeProject(request, project);
      const scoped =
        request.apiKey && request.apiKey.projectId !== '*' ? request.apiKey.projectId : undefined;
      const projectId = project ?? scoped;
      const { items, total } = await context.stores.tests.list({
        ...(projectId ? { projectId } : {}),
        ...(kind ? { kind } : {}),
        ...(status ? { status } : {}),
        ...(priority ? { priority } : {}),
        ...(q ? { text: q } : {}),
        ...(request_id ? { jobId: request_id } : {}),
        limit,
        offset,
      });
      return { items: items.map(testView), total, limit, offset };
    },
  );
  typed.get(
    '/api/v1/tests/:id',
    {
      schema: {
        summary: 'One generated test with its document',
        tags: ['tests'],
        params: z.object({ id: z.uuid({ error: 'a test id as listed by GET /api/v1/tests' }) }),
        response: { 200: testDetailSchema, ...errors },
      },
    },
    async (request) => {
      const test = await context.stores.tests.get(request.params.id);
      if (!test)
        throw new TestopsError(
          'TESTOPS_TEST_NOT_FOUND',
          `no test ${request.params.id}; list tests with GET /api/v1/tests.`,
        );
      authorizeProject(request, test.projectId);
      return { ...testView(test), document: test.document };
    },
  );
}
