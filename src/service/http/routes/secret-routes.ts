import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TestopsError } from '../../../core/errors.ts';
import { projectIdSchema, secretNameSchema } from '../../jobs/job-inputs.ts';
import { actorOf, authorizeProject } from '../auth.ts';
import { errorResponseSchema } from '../contracts.ts';
import type { ServiceContext } from '../service-context.ts';

const projectParams = z.object({ project_id: projectIdSchema });
const secretParams = z.object({ project_id: projectIdSchema, name: secretNameSchema });
const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};

/**
 * A project's named secrets (vendor tokens an export job names in `target.token_secret`): stored
 * encrypted, listed by name only, never answered back. Jobs keep their own under `job:<id>:`,
 * which these names cannot spell.
 */
export function registerSecretRoutes(app: FastifyInstance, context: ServiceContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/v1/projects/:project_id/secrets',
    {
      schema: {
        summary: 'Store a named secret of the project (created or replaced); its value is never returned',
        tags: ['secrets'],
        params: projectParams,
        body: z.object({ name: secretNameSchema, value: z.string().min(1).max(10_000) }),
        response: { 204: z.null(), ...errors, 413: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const { project_id: projectId } = request.params;
      authorizeProject(request, projectId);
      await context.stores.secrets.put(projectId, request.body.name, request.body.value);
      await context.stores.audit.record({
        actor: actorOf(request),
        action: 'secret.put',
        projectId,
        target: request.body.name,
        detail: {},
      });
      return reply.code(204).send(null);
    },
  );
  typed.get(
    '/api/v1/projects/:project_id/secrets',
    {
      schema: {
        summary: "The names of the project's secrets",
        tags: ['secrets'],
        params: projectParams,
        response: { 200: z.object({ names: z.array(z.string()) }), ...errors },
      },
    },
    async (request) => {
      authorizeProject(request, request.params.project_id);
      const names = await context.stores.secrets.list(request.params.project_id);
      return { names: names.filter((name) => secretNameSchema.safeParse(name).success) };
    },
  );
  typed.delete(
    '/api/v1/projects/:project_id/secrets/:name',
    {
      schema: {
        summary: 'Delete a named secret of the project',
        tags: ['secrets'],
        params: secretParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { project_id: projectId, name } = request.params;
      authorizeProject(request, projectId);
      if (!(await context.stores.secrets.delete(projectId, name)))
        throw new TestopsError(
          'TESTOPS_SECRET_NOT_FOUND',
          `project "${projectId}" has no secret named "${name}"`,
          {
            where: 'name',
          },
        );
      await context.stores.audit.record({
        actor: actorOf(request),
        action: 'secret.delete',
        projectId,
        target: name,
        detail: {},
      });
      return reply.code(204).send(null);
    },
  );
}
