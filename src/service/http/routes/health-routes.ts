import type { FastifyInstance } from 'fastify';
import { describeError } from '../../../core/errors.ts';
import type { ServiceContext } from '../service-context.ts';

const CHECK_TIMEOUT_MS = 5_000;

/** Liveness, readiness (every dependency answered) and Prometheus metrics. */
export function registerHealthRoutes(app: FastifyInstance, context: ServiceContext): void {
  app.get('/health', { schema: { summary: 'Liveness', tags: ['health'] } }, async () => ({ status: 'ok' }));
  app.get(
    '/ready',
    { schema: { summary: 'Readiness of the database, queue, browser and LLM', tags: ['health'] } },
    async (_request, reply) => {
      const checks = await Promise.all(
        context.readiness.map(async ({ name, check, optional }) => {
          const started = performance.now();
          try {
            await withTimeout(check(), CHECK_TIMEOUT_MS, name);
            return { name, ok: true, ms: Math.round(performance.now() - started) };
          } catch (error) {
            return {
              name,
              ok: false,
              ...(optional ? { status: 'degraded' as const } : {}),
              ms: Math.round(performance.now() - started),
              error: describeError(error),
            };
          }
        }),
      );
      // An optional dependency that fails (the model) degrades the service; it stays ready.
      const ready = checks.every((check) => check.ok || 'status' in check);
      const degraded = checks.some((check) => !check.ok);
      return reply.code(ready ? 200 : 503).send({
        status: ready ? (degraded ? 'degraded' : 'ready') : 'not-ready',
        mode: {
          database: context.stores.info.driver,
          vector: context.stores.info.vector,
          queue: context.queue.kind,
        },
        checks,
      });
    },
  );
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    if (!context.metrics) return reply.code(404).send('metrics are off\n');
    return reply.type(context.metrics.contentType).send(await context.metrics.text());
  });
}

function withTimeout<T>(work: Promise<T>, ms: number, name: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not answer within ${ms} ms`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
