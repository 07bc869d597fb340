import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TestopsError } from '../../../core/errors.ts';
import type { Project, ProjectDeletion } from '../../store/stores.ts';
import { actorOf, authorizeProject } from '../auth.ts';
import { errorResponseSchema } from '../contracts.ts';
import {
  newProjectSchema,
  projectChangesSchema,
  projectDeletedSchema,
  projectListSchema,
  projectParams,
  projectSchema,
  projectView,
} from '../project-contracts.ts';
import type { ServiceContext } from '../service-context.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

/** Loads a project the caller may see: 403 for another project's key (whether it exists or not), else 404. */
export async function visibleProject(
  context: ServiceContext,
  request: FastifyRequest,
  id: string,
): Promise<Project> {
  authorizeProject(request, id);
  const project = await context.stores.projects.get(id);
  if (!project)
    throw new TestopsError(
      'TESTOPS_PROJECT_NOT_FOUND',
      `no project "${id}"; list them with GET /api/v1/projects or create one with POST /api/v1/projects {"name"}.`,
    );
  return project;
}

/** Projects: list, create (the id a slug of the name), read, rename, delete with what they hold. */
export function registerProjectRoutes(app: FastifyInstance, context: ServiceContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { projects } = context.stores;
  typed.get(
    '/api/v1/projects',
    {
      schema: {
        summary: 'Projects the API key may see (every project for a key of "*")',
        tags: ['projects'],
        response: { 200: projectListSchema, ...errors },
      },
    },
    async (request) => {
      const scope = request.apiKey?.projectId;
      const items = await projects.list(scope && scope !== '*' ? { ids: [scope] } : {});
      return { items: items.map(projectView) };
    },
  );
  typed.post(
    '/api/v1/projects',
    {
      schema: {
        summary: 'Create a project; its id is a unique slug of the name unless one is given',
        tags: ['projects'],
        body: newProjectSchema,
        response: { 201: projectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const scope = request.apiKey?.projectId;
      // A key scoped to one project may bring that project into being, and no other.
      if (scope && scope !== '*' && request.body.id !== scope)
        throw new TestopsError(
          'TESTOPS_FORBIDDEN',
          `this API key is scoped to project "${scope}": it may only create that project (send "id": "${scope}"); other projects need a key for every project ("*").`,
        );
      const project = await projects.create(request.body);
      if (!project)
        throw new TestopsError(
          'TESTOPS_PROJECT_EXISTS',
          `a project "${request.body.id}" exists already; pick another id, or leave "id" out to get a free one.`,
        );
      await audit(context, request, 'project.create', project.id, { name: project.name });
      return reply.code(201).header('location', `/api/v1/projects/${project.id}`).send(projectView(project));
    },
  );
  typed.get(
    '/api/v1/projects/:id',
    {
      schema: {
        summary: 'A project',
        tags: ['projects'],
        params: projectParams,
        response: { 200: projectSchema, ...errors },
      },
    },
    async (request) => projectView(await visibleProject(context, request, request.params.id)),
  );
  typed.patch(
    '/api/v1/projects/:id',
    {
      schema: {
        summary: 'Rename a project or change its description (its id stays: tasks and keys refer to it)',
        tags: ['projects'],
        params: projectParams,
        body: projectChangesSchema,
        response: { 200: projectSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await visibleProject(context, request, id);
      const updated = await projects.update(id, request.body);
      if (!updated)
        throw new TestopsError('TESTOPS_PROJECT_NOT_FOUND', `project "${id}" was deleted meanwhile.`);
      await audit(context, request, 'project.update', id, { ...request.body });
      return projectView(updated);
    },
  );
  typed.delete(
    '/api/v1/projects/:id',
    {
      schema: {
        summary:
          'Delete a project with its tasks, tests, sources, secrets and chats, revoking its keys (refused while a task runs)',
        tags: ['projects'],
        params: projectParams,
        response: { 200: projectDeletedSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await visibleProject(context, request, id);
      const outcome = await projects.delete(id);
      if (!outcome.deleted) throw notDeleted(id, outcome);
      const removed = { tasks: outcome.jobs, chats: outcome.chats, revoked_keys: outcome.revokedKeys };
      await audit(context, request, 'project.delete', id, removed);
      return { id, deleted: true as const, removed };
    },
  );
}

function notDeleted(id: string, outcome: Exclude<ProjectDeletion, { deleted: true }>): TestopsError {
  switch (outcome.reason) {
    case 'not-found':
      return new TestopsError('TESTOPS_PROJECT_NOT_FOUND', `project "${id}" was deleted meanwhile.`);
    case 'default':
      return new TestopsError(
        'TESTOPS_PROJECT_NOT_DELETABLE',
        'the default project cannot be deleted: work submitted without a project_id lands there.',
      );
    case 'active-jobs':
      return new TestopsError(
        'TESTOPS_PROJECT_NOT_DELETABLE',
        `project "${id}" has ${outcome.activeJobs} pending or running task(s); cancel them (POST /api/v1/tasks/{id}/cancel) or wait, then delete again.`,
      );
    case 'referenced':
      return new TestopsError(
        'TESTOPS_PROJECT_NOT_DELETABLE',
        `project "${id}" still has rows in "${outcome.table}"; remove them first, then delete again.`,
      );
  }
}

async function audit(
  context: ServiceContext,
  request: FastifyRequest,
  action: string,
  projectId: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await context.stores.audit.record({
    actor: actorOf(request),
    action,
    projectId,
    target: projectId,
    detail,
  });
}
