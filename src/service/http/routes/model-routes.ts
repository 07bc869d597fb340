import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TestopsError, describeError } from '../../../core/errors.ts';
import { errorResponseSchema } from '../contracts.ts';
import type { ServiceContext } from '../service-context.ts';

const probeSchema = z.object({ found: z.boolean(), detail: z.string().optional() });
const modelSchema = z.object({
  configured: z.boolean(),
  provider: z.string().nullable(),
  base_url: z.string().nullable(),
  model: z.string().nullable(),
});
const checkSchema = z.object({
  provider: z.string(),
  base_url: z.string(),
  model: z.string(),
  latency_ms: z.number(),
  first_token_ms: z.number(),
  answer: z.string(),
  capabilities: z.record(z.string(), probeSchema),
});
const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  502: errorResponseSchema,
  503: errorResponseSchema,
  504: errorResponseSchema,
};

/**
 * The model the server is configured with (never its key), and "test connection": one tiny real
 * call and a probe per capability, as `testops llm check` makes. The settings come from the
 * server's environment, so nothing a caller sends chooses where the call goes.
 */
export function registerModelRoutes(app: FastifyInstance, context: ServiceContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const settings = context.config.llm;
  typed.get(
    '/api/v1/llm',
    {
      schema: {
        summary: 'The configured language model',
        tags: ['model'],
        response: { 200: modelSchema, ...errors },
      },
    },
    async () => ({
      configured: settings !== undefined,
      provider: settings?.provider ?? null,
      base_url: settings?.baseUrl ?? null,
      model: settings?.model ?? null,
    }),
  );
  typed.post(
    '/api/v1/llm/check',
    {
      schema: {
        summary: 'Test the connection to the configured model with one tiny real call',
        tags: ['model'],
        body: z.object({}).strict().optional(),
        response: { 200: checkSchema, ...errors },
      },
    },
    async () => {
      if (!settings)
        throw new TestopsError(
          'TESTOPS_LLM_NOT_CONFIGURED',
          'no model is configured on this server: set TESTOPS_LLM_PROVIDER (or TESTOPS_LLM_BASE_URL) and TESTOPS_LLM_MODEL, then restart it.',
        );
      const { checkModel } = await import('../../../llm/check-model.ts');
      try {
        const check = await checkModel(settings);
        return {
          provider: check.provider,
          base_url: check.baseUrl,
          model: check.model,
          latency_ms: check.latencyMs,
          first_token_ms: check.firstTokenMs,
          answer: check.answer,
          capabilities: check.capabilities,
        };
      } catch (error) {
        if (error instanceof TestopsError) throw error;
        throw new TestopsError('TESTOPS_LLM_UNAVAILABLE', `the model call failed: ${describeError(error)}`);
      }
    },
  );
}
