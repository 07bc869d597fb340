import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import type { BullmqQueue } from './bullmq-queue.ts';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Mounts the bull-board dashboard for the BullMQ queue. The caller puts authentication in
 * front of it. Read-only unless asked otherwise: removing or retrying a BullMQ job from the
 * board bypasses the job store, which owns every job's status.
 */
export async function registerQueueDashboard(
  app: FastifyInstance,
  queue: BullmqQueue,
  options: { basePath?: string; readOnly?: boolean } = {},
): Promise<void> {
  const basePath = options.basePath ?? QUEUE_DASHBOARD_PATH;
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: [new BullMQAdapter(queue.queue, { readOnlyMode: options.readOnly ?? true })],
    serverAdapter,
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: basePath });
}
