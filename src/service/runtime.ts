import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { ServiceConfig } from './config.ts';
import type { EventBus } from './jobs/event-bus.ts';
import type { JobHandler, JobQueue } from './jobs/job-queue.ts';
import { createJobHandler } from './jobs/job-runner.ts';
import { ENGINE_EXECUTORS, threadExecutors, type ExecutorModule } from './jobs/thread-executors.ts';
import { createJobObserver } from './job-observer.ts';
import { createLogger, KnownSecrets } from './observability/logger.ts';
import { createMetrics, type ServiceMetrics } from './observability/metrics.ts';
import { startTracing, type Tracing } from './observability/tracing.ts';
import { openEventBus, openQueue } from './queue/open-queue.ts';
import { DEFAULT_GRACE_MS } from './queue/retry-policy.ts';
import { openStores } from './store/open-stores.ts';
import type { Stores } from './store/stores.ts';
import type { ResponseCache } from '../core/response-cache.ts';
import type { QueueLogger } from './queue/queue-logger.ts';

/** What the server and the workers share: logs, traces, metrics, the store, the queue, the bus, the job handler. */
export interface ServiceRuntime {
  config: ServiceConfig;
  logger: Logger;
  tracing: Tracing;
  metrics: ServiceMetrics;
  stores: Stores;
  queue: JobQueue;
  bus: EventBus;
  handler: JobHandler;
  workerId: string;
  close(): Promise<void>;
}

export interface OpenRuntimeOptions {
  role: 'api' | 'worker';
  /** Private origins jobs may reach anyway (the server's bundled demo targets). */
  trustedOrigins?: readonly string[];
  /** The executors each job's thread loads: the engine's by default; tests substitute their own. */
  executors?: ExecutorModule;
  /** Where log lines go (tests collect them); stdout by default. */
  logDestination?: Parameters<typeof createLogger>[0]['destination'];
}

/** Opens everything in dependency order; on failure, closes what was opened. */
export async function openRuntime(
  config: ServiceConfig,
  options: OpenRuntimeOptions,
): Promise<ServiceRuntime> {
  // The service's own secrets, and the secrets of each job while it runs (the runner holds them).
  const knownSecrets = new KnownSecrets(
    [
      config.secretKey,
      passwordOf(config.databaseUrl),
      passwordOf(config.redisUrl),
      // The model provider's key and IAM secret: never in logs, whatever logs them.
      process.env['TESTOPS_LLM_API_KEY'],
      process.env['TESTOPS_LLM_IAM_SECRET'],
      config.behavior.notion?.token,
    ].filter((value): value is string => Boolean(value)),
  );
  const logger = createLogger({
    level: config.logLevel,
    knownSecrets,
    base: { service: `testops-${options.role}`, pid: process.pid },
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  const tracing = startTracing({
    serviceName: `testops-${options.role}`,
    ...(config.otlpEndpoint ? { endpoint: config.otlpEndpoint } : {}),
  });
  const closers: (() => Promise<void>)[] = [() => tracing.shutdown()];
  const close = async () => {
    for (const closer of closers.reverse())
      await closer().catch((error: unknown) => logger.warn({ err: error }, 'close failed'));
  };
  try {
    const stores = await openStores({
      dataDir: config.dataDir,
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
      ...(config.secretKey ? { secretKey: config.secretKey } : {}),
    });
    closers.push(() => stores.close());
    const queueLogger = (
      level: 'warn' | 'error',
      message: string,
      details: { jobId?: string; error?: unknown } = {},
    ) => logger[level]({ job_id: details.jobId, err: details.error }, message);
    const queue = await openQueue({
      store: stores.jobs,
      prefix: config.queuePrefix,
      logger: queueLogger,
      ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
    });
    // Running jobs get this long to finish before they are asked to hand themselves back.
    closers.push(() => queue.close(DEFAULT_GRACE_MS));
    const bus = await openEventBus({
      prefix: config.queuePrefix,
      logger: queueLogger,
      ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
    });
    closers.push(() => bus.close());
    const metrics = createMetrics({ queueDepth: () => stores.jobs.counts() });
    const responseCache = await openResponseCache(config, stores, queueLogger);
    if (responseCache.close) closers.push(responseCache.close);
    const handler = createJobHandler({
      stores,
      bus,
      // Each job in a thread of its own: this event loop keeps answering and renewing leases.
      executors: threadExecutors({
        executors: options.executors ?? ENGINE_EXECUTORS,
        memoryMb: config.jobMemoryMb,
        stopGraceMs: config.jobStopGraceMs,
        ...(config.otlpEndpoint
          ? { tracing: { endpoint: config.otlpEndpoint, serviceName: `testops-${options.role}` } }
          : {}),
        responseCache,
        embeddings: stores.embeddings,
      }),
      dataDir: config.dataDir,
      leaseMs: config.jobLeaseMs,
      timeoutsMs: config.jobTimeoutsMs,
      guard: { allowPrivate: config.allowPrivateTargets },
      trustedOrigins: options.trustedOrigins ?? [],
      observer: createJobObserver(metrics),
      logger,
      knownSecrets,
    });
    return {
      config,
      logger,
      tracing,
      metrics,
      stores,
      queue,
      bus,
      handler,
      workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function passwordOf(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const password = decodeURIComponent(new URL(url).password);
  return password || undefined;
}

/** The model's response cache: in Redis when REDIS_URL is set, else in the database. */
async function openResponseCache(
  config: ServiceConfig,
  stores: Stores,
  logger: QueueLogger,
): Promise<ResponseCache & { close?: () => Promise<void> }> {
  if (!config.redisUrl) return stores.llmCache;
  const { connectRedis, quitRedis } = await import('./queue/redis-connection.ts');
  const { RedisResponseCache } = await import('./queue/redis-response-cache.ts');
  const redis = connectRedis(config.redisUrl, 'llm-cache', logger);
  const cache = new RedisResponseCache(redis, `${config.queuePrefix}:llm:`);
  return Object.assign(cache, { close: () => quitRedis(redis) });
}
