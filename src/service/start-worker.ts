import { TestopsError } from '../core/errors.ts';
import type { ServiceConfig } from './config.ts';
import { openRuntime, type ServiceRuntime } from './runtime.ts';

export interface RunningWorker {
  runtime: ServiceRuntime;
  close(): Promise<void>;
}

/** `testops worker`: takes jobs from BullMQ and runs them; any number, on any machine sharing the database. */
export async function startWorker(config: ServiceConfig): Promise<RunningWorker> {
  if (!config.redisUrl || !config.databaseUrl) {
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', 'a worker needs the shared queue and database', {
      where: config.redisUrl ? 'DATABASE_URL' : 'REDIS_URL',
      expected:
        'REDIS_URL (e.g. redis://127.0.0.1:6379) and DATABASE_URL (e.g. postgres://user@host/testops)',
      hint: 'set both for distributed mode; without them `testops serve` runs jobs in its own process.',
    });
  }
  const runtime = await openRuntime(config, { role: 'worker' });
  await runtime.queue.startWorker(runtime.handler, {
    concurrency: config.concurrency,
    workerId: runtime.workerId,
  });
  runtime.logger.info(
    { worker: runtime.workerId, concurrency: config.concurrency },
    'testops worker started',
  );
  return { runtime, close: () => runtime.close() };
}
