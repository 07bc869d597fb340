/**
 * How the queue adapters report what they cannot throw to anyone: a handler that failed, a
 * store poll that did not answer, a Redis connection error. The service hands in its pino
 * logger through this callback; the adapters know nothing of logging libraries.
 */
export type QueueLogger = (
  level: 'warn' | 'error',
  message: string,
  details?: { jobId?: string; error?: unknown },
) => void;

/** The default when nobody injects one: one line on stderr, never silence. */
export const stderrQueueLogger: QueueLogger = (level, message, details = {}) => {
  const error = details.error instanceof Error ? details.error.message : details.error;
  const parts = [`[queue] ${level}: ${message}`];
  if (details.jobId) parts.push(`job=${details.jobId}`);
  if (error !== undefined) parts.push(`error=${String(error)}`);
  console.error(parts.join(' '));
};
