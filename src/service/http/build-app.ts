import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { CopilotRegistry } from '../copilot/copilot-registry.ts';
import { defaultCopilotRegistry } from '../copilot/default-registry.ts';
import { registerAuth, registerRouteAccess } from './auth.ts';
import { registerBodyGuard } from './body-guard.ts';
import { frameworkErrors, registerErrorHandling } from './error-response.ts';
import { registerArtifactRoutes } from './routes/artifact-routes.ts';
import { registerBehaviorRoutes } from './routes/behavior-routes.ts';
import { registerChatRoutes } from './routes/chat-routes.ts';
import { registerCopilotRoutes } from './routes/copilot-routes.ts';
import { registerDemoRoutes } from './routes/demo-routes.ts';
import { registerModelRoutes } from './routes/model-routes.ts';
import { registerHealthRoutes } from './routes/health-routes.ts';
import { registerProjectRoutes } from './routes/project-routes.ts';
import { registerStreamRoute } from './routes/stream-route.ts';
import { registerModelSettingsRoutes } from './routes/model-settings-routes.ts';
import { registerSecretRoutes } from './routes/secret-routes.ts';
import { registerSubmitRoutes } from './routes/submit-routes.ts';
import { registerTaskRoutes } from './routes/task-routes.ts';
import { registerTestRoutes } from './routes/test-routes.ts';
import { registerTriageRoutes } from './routes/triage-routes.ts';
import type { ServiceContext } from './service-context.ts';
import { registerWebUi, WEB_UI_DIR, webUiBuilt } from './web-ui.ts';

export interface BuildAppOptions {
  logger?: FastifyBaseLogger;
  /**
   * The copilot's slash commands and tools; `defaultCopilotRegistry()` when absent. Capabilities
   * built elsewhere (triage, crews) register onto it before the app is built.
   */
  copilot?: CopilotRegistry;
  /** Extra wiring before routes: observability hooks, the queue dashboard. */
  beforeRoutes?: (app: FastifyInstance) => Promise<void> | void;
  /** The built web UI to serve at `/` (the package's `web/dist` by default); `false` for none. */
  webUi?: string | false;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The HTTP API: zod contracts → validation, serialisation and the OpenAPI document at /docs. */
export async function buildApp(
  context: ServiceContext,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const { config } = context;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: config.bodyLimitBytes,
    // A caller's x-request-id is kept (when sane) so its logs and ours line up.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: false,
    frameworkErrors,
  });
  // Before any route: every route, the plugins' included, gets its access level when registered.
  registerRouteAccess(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });
  registerErrorHandling(app);
  registerBodyGuard(app, { maxDepth: config.inputLimits.bodyDepth });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'TestOps Copilot API',
        version: '1',
        description:
          'Generates test suites that have been run against their target, manual cases, standards reports, optimisation reports and test plans. Every generator is a task: submit, then poll /api/v1/tasks/{id} or stream /api/v1/stream/{id}.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'testops keys create --project <id>' },
        },
      },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'idempotency-key',
      'last-event-id',
      'x-api-key',
      'x-request-id',
    ],
    exposedHeaders: ['x-request-id'],
  });
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Per API key when one is sent, else per address; probes are never limited.
    keyGenerator: (request) =>
      request.headers.authorization ?? String(request.headers['x-api-key'] ?? request.ip),
    allowList: (request) => ['/health', '/ready', '/metrics'].includes(request.routeOptions.url ?? ''),
  });
  registerAuth(app, context.stores.keys, { required: config.requireAuth });
  await options.beforeRoutes?.(app);
  registerHealthRoutes(app, context);
  registerSubmitRoutes(app, context);
  registerSecretRoutes(app, context);
  registerModelSettingsRoutes(app, context);
  registerTaskRoutes(app, context);
  registerStreamRoute(app, context);
  registerTestRoutes(app, context);
  registerArtifactRoutes(app, context);
  registerProjectRoutes(app, context);
  registerChatRoutes(app, context);
  registerCopilotRoutes(app, context, options.copilot ?? defaultCopilotRegistry());
  registerBehaviorRoutes(app, context);
  registerTriageRoutes(app, context);
  registerDemoRoutes(app, context);
  registerModelRoutes(app, context);
  const webUi = options.webUi ?? WEB_UI_DIR;
  if (webUi !== false && webUiBuilt(webUi)) await registerWebUi(app, webUi);
  // Without a built UI (a checkout that never ran the install script), `/` shows the API documentation.
  else app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/docs'));
  return app;
}
