import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Behavior } from '../../../crews/behavior.ts';
import { behaviorJsonSchema } from '../../../crews/behavior-schema.ts';
import { MAX_BEHAVIOR_BYTES, parseBehaviorYaml } from '../../../crews/behavior-yaml.ts';
import { fillPlaceholders } from '../../../crews/placeholders.ts';
import { ActiveBehavior } from '../../../crews/sources/active-behavior.ts';
import { crewRunBodySchema, projectIdSchema } from '../../jobs/job-inputs.ts';
import { refuseTargets } from '../../jobs/submission-targets.ts';
import { submitJob } from '../../jobs/submit-job.ts';
import { actorOf, authorizeProject } from '../auth.ts';
import { acceptedSchema, errorResponseSchema } from '../contracts.ts';
import type { ServiceContext } from '../service-context.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  413: errorResponseSchema,
};

const projectParams = z.object({ id: projectIdSchema });

const behaviorView = z.object({
  /** `project`: the project's own; otherwise where the service's active behaviour came from. */
  source: z.string(),
  version: z.string(),
  updated_at: z.string(),
  yaml: z.string(),
  behavior: z.record(z.string(), z.unknown()),
  /** Why the last reload of the service's behaviour was refused (the previous one kept serving). */
  last_reload_failure: z.object({ code: z.string(), message: z.string(), at: z.string() }).optional(),
});

const putBody = z.object({ yaml: z.string().min(1).max(MAX_BEHAVIOR_BYTES) });

/**
 * Crews: the behaviour's JSON Schema, the service's active behaviour, a project's own (validated
 * before it is stored; an invalid one is a 400 naming line and column, and the previous stays),
 * and running a crew as a job.
 */
export function registerBehaviorRoutes(app: FastifyInstance, context: ServiceContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  let shipped: Promise<ActiveBehavior> | undefined;
  const active = async () => context.behavior ?? (await (shipped ??= ActiveBehavior.open(undefined)));

  for (const url of ['/api/v1/behavior/schema', '/behavior/schema'])
    typed.get(
      url,
      {
        schema: {
          summary: 'The JSON Schema of crew behaviours (agents, tasks, process)',
          tags: ['crews'],
          response: { 200: z.record(z.string(), z.unknown()), ...errors },
        },
      },
      async () => behaviorJsonSchema(),
    );

  typed.get(
    '/api/v1/behavior',
    {
      schema: {
        summary: 'The active crew behaviour: its source, version and content',
        tags: ['crews'],
        response: { 200: behaviorView, ...errors },
      },
    },
    async () => activeView(await active()),
  );

  typed.get(
    '/api/v1/projects/:id/behavior',
    {
      schema: {
        summary: 'The crew behaviour of a project: its own, else the active one',
        tags: ['crews'],
        params: projectParams,
        response: { 200: behaviorView, ...errors },
      },
    },
    async (request) => {
      authorizeProject(request, request.params.id);
      const own = await context.stores.behaviors.get(request.params.id);
      if (!own) return activeView(await active());
      return view(
        'project',
        own.updatedAt.toISOString(),
        own.updatedAt,
        own.yaml,
        parseBehaviorYaml(own.yaml),
      );
    },
  );

  typed.put(
    '/api/v1/projects/:id/behavior',
    {
      schema: {
        summary: 'Set a project’s own crew behaviour (YAML; refused with line and column when invalid)',
        tags: ['crews'],
        params: projectParams,
        body: putBody,
        response: { 200: behaviorView, ...errors },
      },
    },
    async (request) => {
      const projectId = request.params.id;
      authorizeProject(request, projectId);
      // Refused before anything is stored: the previous behaviour stays.
      const behavior = parseBehaviorYaml(request.body.yaml, 'yaml');
      const stored = await context.stores.behaviors.put(projectId, request.body.yaml, actorOf(request));
      await context.stores.audit.record({
        actor: actorOf(request),
        action: 'behavior.put',
        projectId,
        target: projectId,
        detail: { bytes: Buffer.byteLength(request.body.yaml) },
      });
      return view('project', stored.updatedAt.toISOString(), stored.updatedAt, stored.yaml, behavior);
    },
  );

  typed.post(
    '/api/v1/projects/:id/crews/run',
    {
      schema: {
        summary: 'Run the project’s crew (its behaviour, else the active one) as a task',
        tags: ['crews'],
        params: projectParams,
        body: crewRunBodySchema,
        response: { 202: acceptedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const projectId = request.params.id;
      authorizeProject(request, projectId);
      const body = request.body;
      const resolved = await resolveBehavior(context, projectId, body.behavior, active);
      // Missing inputs are the caller's to fix now, not a job that fails later.
      fillPlaceholders(resolved.behavior, body.inputs);
      await refuseTargets('crew', body.inputs, {
        guard: { allowPrivate: context.config.allowPrivateTargets },
        trustedOrigins: context.trustedOrigins ?? [],
      });
      const { job } = await submitJob(context.stores, context.queue, {
        projectId,
        kind: 'crew',
        input: { ...body, behavior: resolved.yaml, behavior_source: resolved.source },
        idempotencyKey: undefined,
        actor: actorOf(request),
        traceparent: context.traceparent(),
      });
      context.metrics?.jobsEnqueued.inc({ kind: 'crew' });
      return reply.code(202).send({
        request_id: job.id,
        status: job.status,
        stream_url: `/api/v1/stream/${job.id}`,
        task_url: `/api/v1/tasks/${job.id}`,
      });
    },
  );
}

/** The behaviour a run uses: the one sent with it, else the project's own, else the active one. */
async function resolveBehavior(
  context: ServiceContext,
  projectId: string,
  sent: string | undefined,
  active: () => Promise<ActiveBehavior>,
): Promise<{ yaml: string; source: string; behavior: Behavior }> {
  if (sent !== undefined)
    return { yaml: sent, source: 'request', behavior: parseBehaviorYaml(sent, 'behavior') };
  const own = await context.stores.behaviors.get(projectId);
  if (own)
    return {
      yaml: own.yaml,
      source: `project ${projectId}`,
      behavior: parseBehaviorYaml(own.yaml, 'project behaviour'),
    };
  const current = (await active()).current();
  return { yaml: current.text, source: current.source, behavior: current.behavior };
}

function activeView(active: ActiveBehavior) {
  const current = active.current();
  const failure = active.lastFailure();
  return {
    ...view(current.source, current.version, current.loadedAt, current.text, current.behavior),
    ...(failure
      ? {
          last_reload_failure: { code: failure.code, message: failure.message, at: failure.at.toISOString() },
        }
      : {}),
  };
}

function view(source: string, version: string, at: Date, yaml: string, behavior: Behavior) {
  return {
    source,
    version,
    updated_at: at.toISOString(),
    yaml,
    behavior: behavior as unknown as Record<string, unknown>,
  };
}
