import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import type { ServiceConfig } from './config.ts';
import { buildApp } from './http/build-app.ts';
import type { DemoTarget as BundledDemo, ReadinessCheck } from './http/service-context.ts';
import { registerHttpObservability } from './observability/http-observability.ts';
import { currentTraceparent } from './observability/spans.ts';
import { openRuntime, type ServiceRuntime } from './runtime.ts';
import type { ActiveBehavior } from '../crews/sources/active-behavior.ts';
import type { BehaviorSource } from '../crews/sources/behavior-source.ts';

export type { DemoTarget as BundledDemo } from './http/service-context.ts';

export interface StartServerOptions {
  /** Start the bundled demo targets beside the server (the embedded default). */
  demos?: boolean;
  logDestination?: Parameters<typeof openRuntime>[1]['logDestination'];
  /** The executors jobs run (tests substitute their own); the engine's by default. */
  executors?: Parameters<typeof openRuntime>[1]['executors'];
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  runtime: ServiceRuntime;
  demos: BundledDemo[];
  close(): Promise<void>;
}

/**
 * `testops serve`: the HTTP API, plus — without Redis — the worker pool in this process. Jobs
 * are rows first, so jobs interrupted by the last shutdown are picked up on start.
 */
export async function startServer(
  config: ServiceConfig,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const demos = options.demos ? await startDemos() : { list: [] as BundledDemo[], close: async () => {} };
  let runtime: ServiceRuntime | undefined;
  let behavior: ActiveBehavior | undefined;
  const trustedOrigins = demos.list.map((demo) => new URL(demo.url).origin);
  try {
    runtime = await openRuntime(config, {
      role: 'api',
      trustedOrigins,
      ...(options.logDestination ? { logDestination: options.logDestination } : {}),
      ...(options.executors ? { executors: options.executors } : {}),
    });
    const opened = runtime;
    const readiness: ReadinessCheck[] = [
      { name: 'database', check: () => opened.stores.ping() },
      { name: 'queue', check: () => opened.queue.ping() },
      {
        name: 'browser',
        // Loaded on the first probe; Playwright itself only when no OS browser is there.
        check: async () =>
          void (await (await import('../pipeline/browser-check.ts')).findBrowserForReadiness()),
      },
      ...(await modelReadiness(config.llm)),
    ];
    behavior = await openBehavior(config, opened.logger);
    const app = await buildApp(
      {
        config,
        behavior,
        stores: opened.stores,
        queue: opened.queue,
        bus: opened.bus,
        metrics: opened.metrics,
        readiness,
        trustedOrigins,
        demos: demos.list,
        traceparent: currentTraceparent,
      },
      {
        logger: opened.logger as unknown as FastifyBaseLogger,
        beforeRoutes: async (instance) => {
          registerHttpObservability(instance, { metrics: opened.metrics });
          if (opened.queue.kind === 'bullmq') {
            const { BullmqQueue } = await import('./queue/bullmq-queue.ts');
            const { registerQueueDashboard } = await import('./queue/queue-dashboard.ts');
            if (opened.queue instanceof BullmqQueue) await registerQueueDashboard(instance, opened.queue);
          }
        },
      },
    );
    if (opened.queue.kind === 'in-process')
      await opened.queue.startWorker(opened.handler, {
        concurrency: config.concurrency,
        workerId: opened.workerId,
      });
    const address = await app.listen({ host: config.host, port: config.port });
    opened.logger.info(
      { address, database: opened.stores.info.driver, queue: opened.queue.kind, auth: config.requireAuth },
      'testops server listening',
    );
    return {
      url: address,
      app,
      runtime: opened,
      demos: demos.list,
      async close() {
        behavior?.close();
        await app.close();
        await opened.close();
        await demos.close();
      },
    };
  } catch (error) {
    behavior?.close();
    await runtime?.close();
    await demos.close();
    throw error;
  }
}

/**
 * The crews' behaviour: the configured file or Notion page over the shipped crew, reloaded on
 * change and on SIGHUP; each refused reload is logged with its line and column.
 */
async function openBehavior(
  config: ServiceConfig,
  logger: ServiceRuntime['logger'],
): Promise<ActiveBehavior> {
  const { ActiveBehavior } = await import('../crews/sources/active-behavior.ts');
  let source: BehaviorSource | undefined;
  if (config.behavior.notion) {
    const { NotionBehaviorSource } = await import('../crews/sources/notion-source.ts');
    source = new NotionBehaviorSource(config.behavior.notion);
  } else if (config.behavior.file) {
    const { FileBehaviorSource } = await import('../crews/sources/file-source.ts');
    source = new FileBehaviorSource(config.behavior.file);
  }
  const active = await ActiveBehavior.open(source, {
    pollMs: config.behavior.pollMs,
    onReload: (outcome, detail) => {
      if (outcome === 'loaded') logger.info({ behavior: detail }, 'crew behaviour loaded');
      else if (outcome !== 'unchanged')
        logger.warn({ behavior: detail, outcome }, 'crew behaviour not reloaded');
    },
  });
  active.watch();
  return active;
}

async function startDemos(): Promise<{ list: BundledDemo[]; close(): Promise<void> }> {
  // Loaded only when wanted: a distributed API process never carries the demos.
  const { startComputeApi } = await import('../../examples/compute-api/server.ts');
  const { computeApiSpecUrl } = await import('../../examples/compute-api/openapi-document.ts');
  const { startPriceCalculator } = await import('../../examples/price-calculator/server.ts');
  const compute = await startComputeApi({ fault: null });
  const calculator = await startPriceCalculator({ fault: null });
  return {
    list: [
      { name: 'compute-api', url: compute.url, spec: fileURLToPath(computeApiSpecUrl), token: compute.token },
      { name: 'price-calculator', url: calculator.url },
    ],
    async close() {
      await compute.close();
      await calculator.close();
    },
  };
}

/** The model's check when one is configured: optional, so a silent model leaves the service ready. */
async function modelReadiness(settings: ServiceConfig['llm']): Promise<ReadinessCheck[]> {
  if (!settings) return [];
  const { modelReadinessCheck } = await import('../llm/model-readiness.ts');
  return [{ name: 'llm', optional: true, check: modelReadinessCheck(settings) }];
}
