import { FINAL_STATUSES, type JobStatus, type StoredJobEvent } from '../jobs/job.ts';
import type { ServiceContext } from '../http/service-context.ts';
import type { CopilotEvent, StartedTask } from './copilot-events.ts';

/** The bus carries live events; this poll of the store catches any the bus did not deliver. */
const POLL_MS = 1_000;

/**
 * Relays a task's progress into the chat until it finishes or `signal` ends the following (the
 * task itself keeps running). Resolves with the last status seen.
 */
export async function followTask(
  context: Pick<ServiceContext, 'bus' | 'stores'>,
  task: StartedTask,
  signal: AbortSignal,
  emit: (event: CopilotEvent) => void,
): Promise<string> {
  let lastSeq = 0;
  let status = task.status;
  let percent: number | null = null;
  let stage: string | null = null;
  let settle: (value: string) => void = () => {};
  const finished = new Promise<string>((resolve) => (settle = resolve));
  const relay = (stored: StoredJobEvent) => {
    if (stored.seq <= lastSeq) return;
    lastSeq = stored.seq;
    const { event } = stored;
    if (event.type === 'progress') [percent, stage] = [event.percent, event.stage ?? null];
    else if (event.type === 'status') status = event.status;
    else return;
    emit({ type: 'progress', task_id: task.task_id, kind: task.kind, status, percent, stage });
    if (FINAL_STATUSES.includes(status as JobStatus)) settle(status);
  };
  const unsubscribe = await context.bus.subscribe(task.task_id, relay);
  const poll = async () => {
    for (const event of await context.stores.jobs.eventsAfter(task.task_id, lastSeq, 500)) relay(event);
  };
  const timer = setInterval(() => void poll().catch(() => undefined), POLL_MS);
  const stop = () => settle(status);
  signal.addEventListener('abort', stop, { once: true });
  try {
    await poll();
    return await finished;
  } finally {
    clearInterval(timer);
    signal.removeEventListener('abort', stop);
    await unsubscribe();
  }
}
