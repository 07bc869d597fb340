import type { FastifyReply, FastifyRequest } from 'fastify';

const HEARTBEAT_MS = 15_000;

/**
 * Takes the response over as a Server-Sent Events stream (no proxy buffering, a comment every
 * 15 s so idle connections stay open); `close()` stops the heartbeat and ends the response.
 */
export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
): { raw: FastifyReply['raw']; close(): void } {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  return {
    raw,
    close() {
      clearInterval(heartbeat);
      raw.end();
    },
  };
}
