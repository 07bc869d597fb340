import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeError, TestopsError, isTestopsError } from '../../../core/errors.ts';
import { secretScrubber } from '../../../core/secret-values.ts';
import { PROVIDERS } from '../../../llm/llm-settings.ts';
import { projectModelOptionsSchema } from '../../../llm/project-model-settings.ts';
import { MODEL_API_KEY_SECRET, readProjectModel } from '../../jobs/project-model.ts';
import { projectIdSchema } from '../../jobs/job-inputs.ts';
import type { ProjectModelRecord } from '../../store/stores.ts';
import { actorOf, authorizeProject } from '../auth.ts';
import { errorResponseSchema } from '../contracts.ts';
import type { ServiceContext } from '../service-context.ts';

const params = z.object({ project_id: projectIdSchema });
const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};
const modelName = z.string().min(1).max(200);

const settingsBody = z
  .object({
    /** A provider name fills the base URL; `custom` (or no provider) needs `base_url`. */
    provider: z.enum(PROVIDERS).optional(),
    base_url: z
      .url({ protocol: /^https?$/, error: 'an http(s) URL, e.g. https://llm.example.com/v1' })
      .max(2_000)
      .optional(),
    model: modelName.optional(),
    embedding_model: modelName.optional(),
    options: projectModelOptionsSchema.default({}),
    /** Written as the project's encrypted secret, never returned; `null` removes it, absent keeps it. */
    api_key: z.string().min(1).max(10_000).nullable().optional(),
  })
  .strict()
  .refine((body) => body.provider !== undefined || body.base_url !== undefined, {
    message: 'a provider (cloudru, openrouter, openai) or a base_url is needed',
    path: ['provider'],
  })
  .refine((body) => body.provider !== 'custom' || body.base_url !== undefined, {
    message: 'a custom provider needs its base_url',
    path: ['base_url'],
  });

const settingsView = z.object({
  project_id: z.string(),
  /** false: the project's jobs use the environment's model, if any. */
  configured: z.boolean(),
  provider: z.string().optional(),
  base_url: z.string().optional(),
  model: z.string().optional(),
  embedding_model: z.string().optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  api_key_set: z.boolean(),
  updated_at: z.string().optional(),
});

const checkView = z.object({
  ok: z.boolean(),
  model: z.string().optional(),
  latency_ms: z.number().optional(),
  first_token_ms: z.number().optional(),
  capabilities: z
    .record(z.string(), z.object({ found: z.boolean(), detail: z.string().optional() }))
    .optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

const usageView = z.object({
  project_id: z.string(),
  /** Job attempts that made model calls. */
  attempts: z.number(),
  /** Calls sent to the provider (answers from the response cache excluded). */
  requests: z.number(),
  from_cache: z.number(),
  failed: z.number(),
  input_tokens: z.number(),
  output_tokens: z.number(),
  cached_input_tokens: z.number(),
  /** null: the price table has no price for the models used. */
  cost_usd: z.number().nullable(),
  cost_rub: z.number().nullable(),
});

/**
 * A project's own model: its settings (the key stored as the project's encrypted secret and only
 * said to be set), one tiny real call to check them, and what its jobs' model calls used.
 */
export function registerModelSettingsRoutes(app: FastifyInstance, context: ServiceContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const path = '/api/v1/projects/:project_id/model';
  typed.get(
    path,
    {
      schema: {
        summary: "The project's model settings (the API key only as set or not)",
        tags: ['model'],
        params,
        response: { 200: settingsView, ...errors },
      },
    },
    async (request) => {
      const { project_id: projectId } = request.params;
      authorizeProject(request, projectId);
      return view(context, projectId);
    },
  );
  typed.put(
    path,
    {
      schema: {
        summary: "Set the project's model: its jobs use it instead of the environment's",
        tags: ['model'],
        params,
        body: settingsBody,
        response: { 200: settingsView, ...errors, 413: errorResponseSchema },
      },
    },
    async (request) => {
      const { project_id: projectId } = request.params;
      authorizeProject(request, projectId);
      const body = request.body;
      await context.stores.projectModels.put(projectId, {
        provider: body.provider ?? 'custom',
        baseUrl: body.base_url?.replace(/\/+$/, ''),
        model: body.model,
        embeddingModel: body.embedding_model,
        options: body.options,
      });
      if (body.api_key === null) await context.stores.secrets.delete(projectId, MODEL_API_KEY_SECRET);
      else if (body.api_key !== undefined)
        await context.stores.secrets.put(projectId, MODEL_API_KEY_SECRET, body.api_key);
      await audit(context, request, 'model.put', projectId);
      return view(context, projectId);
    },
  );
  typed.delete(
    path,
    {
      schema: {
        summary: "Remove the project's model and its key: its jobs use the environment's again",
        tags: ['model'],
        params,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { project_id: projectId } = request.params;
      authorizeProject(request, projectId);
      const removed = await context.stores.projectModels.delete(projectId);
      await context.stores.secrets.delete(projectId, MODEL_API_KEY_SECRET);
      if (!removed) throw notSet(projectId);
      await audit(context, request, 'model.delete', projectId);
      return reply.code(204).send(null);
    },
  );
  typed.post(
    `${path}/check`,
    {
      schema: {
        summary: "One tiny real call to the project's model: model, latency and capabilities",
        tags: ['model'],
        params,
        response: { 200: checkView, ...errors },
      },
    },
    async (request) => {
      const { project_id: projectId } = request.params;
      authorizeProject(request, projectId);
      const settings = await readProjectModel(context.stores, projectId);
      if (!settings) throw notSet(projectId);
      const scrub = secretScrubber(settings.apiKey ? [settings.apiKey] : []);
      const [{ checkModel }, { guardedModelFetch }] = await Promise.all([
        import('../../../llm/check-model.ts'),
        import('../../../pipeline/model-connect.ts'),
      ]);
      try {
        // A request waits for it: one retry at most, and half a minute in all.
        const bounded = {
          ...settings,
          maxRetries: Math.min(settings.maxRetries, 1),
          firstByteTimeoutMs: Math.min(settings.firstByteTimeoutMs, 15_000),
          totalTimeoutMs: Math.min(settings.totalTimeoutMs, 30_000),
        };
        const checked = await checkModel(
          bounded,
          guardedModelFetch({ allowPrivate: context.config.allowPrivateTargets }),
        );
        return scrub.scrubDeep({
          ok: true,
          model: checked.model,
          latency_ms: checked.latencyMs,
          first_token_ms: checked.firstTokenMs,
          capabilities: checked.capabilities,
        });
      } catch (error) {
        return {
          ok: false,
          error: {
            code: isTestopsError(error) ? error.code : 'TESTOPS_LLM_UNAVAILABLE',
            message: scrub.scrub(describeError(error)),
          },
        };
      }
    },
  );
  typed.get(
    `${path}/usage`,
    {
      schema: {
        summary: "What the project's jobs' model calls used and cost, summed over every job attempt",
        tags: ['model'],
        params,
        response: { 200: usageView, ...errors },
      },
    },
    async (request) => {
      const { project_id: projectId } = request.params;
      authorizeProject(request, projectId);
      const totals = await context.stores.modelUsage.totals(projectId);
      return {
        project_id: projectId,
        attempts: totals.attempts,
        requests: totals.calls - totals.fromCache,
        from_cache: totals.fromCache,
        failed: totals.failed,
        input_tokens: totals.inputTokens,
        output_tokens: totals.outputTokens,
        cached_input_tokens: totals.cachedInputTokens,
        cost_usd: totals.costUsd ?? null,
        cost_rub: totals.costRub ?? null,
      };
    },
  );
}

async function view(context: ServiceContext, projectId: string): Promise<z.infer<typeof settingsView>> {
  const [record, names] = await Promise.all([
    context.stores.projectModels.get(projectId),
    context.stores.secrets.list(projectId),
  ]);
  const apiKeySet = names.includes(MODEL_API_KEY_SECRET);
  if (!record) return { project_id: projectId, configured: false, api_key_set: apiKeySet };
  return { project_id: projectId, configured: true, ...fields(record), api_key_set: apiKeySet };
}

function fields(record: ProjectModelRecord) {
  return {
    provider: record.provider,
    ...(record.baseUrl ? { base_url: record.baseUrl } : {}),
    ...(record.model ? { model: record.model } : {}),
    ...(record.embeddingModel ? { embedding_model: record.embeddingModel } : {}),
    options: record.options,
    updated_at: record.updatedAt.toISOString(),
  };
}

function notSet(projectId: string): TestopsError {
  return new TestopsError('TESTOPS_PROJECT_MODEL_NOT_SET', `project "${projectId}" has no model of its own`, {
    where: 'project_id',
    hint: `set one with PUT /api/v1/projects/${projectId}/model.`,
  });
}

async function audit(context: ServiceContext, request: FastifyRequest, action: string, projectId: string) {
  await context.stores.audit.record({
    actor: actorOf(request),
    action,
    projectId,
    target: 'model',
    detail: {},
  });
}
