import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FINAL_STATUSES, type StoredJobEvent } from '../../jobs/job.ts';
import { openEventStream } from '../event-stream.ts';
import { visibleTask } from './task-routes.ts';
import type { ServiceContext } from '../service-context.ts';

const REPLAY_PAGE = 500;

/**
 * GET /api/v1/stream/{id}: the job's events as Server-Sent Events. Every event carries its
 * sequence number as the SSE id, so a client that reconnects with Last-Event-ID (or
 * ?last_event_id=) gets exactly what it missed from the store, then live events from the bus.
 * The stream ends after the final status.
 */
export function registerStreamRoute(app: FastifyInstance, context: ServiceContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/stream/:id',
    {
      schema: {
        summary: 'Live events of a task (Server-Sent Events), resumable with Last-Event-ID',
        tags: ['tasks'],
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ last_event_id: z.coerce.number().int().min(0).optional() }),
      },
    },
    async (request, reply) => {
      const job = await visibleTask(context, request, request.params.id);
      const header = Number(request.headers['last-event-id']);
      let lastSent = Number.isInteger(header) && header >= 0 ? header : (request.query.last_event_id ?? 0);
      const { raw, close } = openEventStream(request, reply);
      raw.write('retry: 2000\n\n');
      let ended = false;
      let replaying = true;
      const buffered: StoredJobEvent[] = [];
      const end = async () => {
        if (ended) return;
        ended = true;
        await unsubscribe();
        close();
      };
      const send = (event: StoredJobEvent) => {
        if (ended || event.seq <= lastSent) return;
        lastSent = event.seq;
        raw.write(`id: ${event.seq}\nevent: ${event.event.type}\ndata: ${JSON.stringify(event.event)}\n\n`);
        if (event.event.type === 'status' && FINAL_STATUSES.includes(event.event.status)) void end();
      };
      // Subscribe before replaying so nothing published in between is lost; duplicates are skipped by seq.
      const unsubscribe = await context.bus.subscribe(job.id, (event) => {
        if (replaying) buffered.push(event);
        else send(event);
      });
      request.raw.on('close', () => void end());
      try {
        for (;;) {
          const page = await context.stores.jobs.eventsAfter(job.id, lastSent, REPLAY_PAGE);
          page.forEach(send);
          if (page.length < REPLAY_PAGE || ended) break;
        }
        replaying = false;
        buffered.sort((a, b) => a.seq - b.seq).forEach(send);
        buffered.length = 0;
        // A job that finished before the stream opened (and whose final event was already seen) ends now.
        const current = await context.stores.jobs.get(job.id);
        if (current && FINAL_STATUSES.includes(current.status) && !ended) {
          const rest = await context.stores.jobs.eventsAfter(job.id, lastSent, REPLAY_PAGE);
          rest.forEach(send);
          if (!ended) await endWithStatus(raw, current.status, end);
        }
      } catch (error) {
        request.log.error({ err: error }, 'event stream failed');
        await end();
      }
      return reply;
    },
  );
}

/** The client resumed after the final event: tell it the status once more and close. */
async function endWithStatus(
  raw: FastifyReply['raw'],
  status: string,
  end: () => Promise<void>,
): Promise<void> {
  raw.write(`event: status\ndata: ${JSON.stringify({ type: 'status', status })}\n\n`);
  await end();
}
