import { readFile } from 'node:fs/promises';

/** One Server-Sent Event as a client sees it. */
export interface SseEvent {
  id: number | undefined;
  event: string;
  data: Record<string, unknown>;
}

/**
 * Reads an SSE stream over real HTTP until it ends, `stopAfter` events arrived, an event matched
 * `until`, or the timeout. Returns the events; `ended` says whether the server closed the stream.
 */
export async function readEvents(
  url: string,
  options: {
    lastEventId?: number;
    stopAfter?: number;
    until?: (event: SseEvent) => boolean;
    timeoutMs?: number;
    headers?: Record<string, string>;
    /** POSTs this JSON body instead of a GET (the chat streams its reply to a POST). */
    body?: unknown;
    /** Aborts the request when it fires: the client going away. */
    signal?: AbortSignal;
  } = {},
): Promise<{ events: SseEvent[]; ended: boolean; status: number }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 120_000);
  const events: SseEvent[] = [];
  let ended = false;
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const response = await fetch(url, {
    signal: controller.signal,
    ...(options.body === undefined ? {} : { method: 'POST', body: JSON.stringify(options.body) }),
    headers: {
      accept: 'text/event-stream',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.lastEventId !== undefined ? { 'last-event-id': String(options.lastEventId) } : {}),
      ...options.headers,
    },
  });
  try {
    if (!response.body) return { events, ended: true, status: response.status };
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = response.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      buffer += decoder.decode(value, { stream: true });
      let boundary: number;
      while ((boundary = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const event = parseBlock(block);
        if (event) events.push(event);
        const matched = event !== undefined && options.until?.(event) === true;
        if (matched || (options.stopAfter !== undefined && events.length >= options.stopAfter)) {
          await reader.cancel();
          return { events, ended: false, status: response.status };
        }
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
  return { events, ended, status: response.status };
}

function parseBlock(block: string): SseEvent | undefined {
  let id: number | undefined;
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || line.startsWith('retry:')) continue;
    if (line.startsWith('id: ')) id = Number(line.slice(4));
    else if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  if (data.length === 0) return undefined;
  return { id, event, data: JSON.parse(data.join('\n')) as Record<string, unknown> };
}

export interface Task {
  request_id: string;
  status: string;
  summary: Record<string, unknown> | null;
  errors: { code: string; message: string; where?: string }[];
  progress: { percent: number; stage: string | null };
  attempts: number;
}

/** Polls the task until it reaches one of the statuses. */
export async function waitForTask(
  baseUrl: string,
  id: string,
  statuses: string[],
  options: { timeoutMs?: number; headers?: Record<string, string>; intervalMs?: number } = {},
): Promise<Task> {
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    const response = await fetch(`${baseUrl}/api/v1/tasks/${id}`, { headers: options.headers ?? {} });
    const task = (await response.json()) as Task;
    if (statuses.includes(task.status)) return task;
    if (Date.now() > deadline)
      throw new Error(`task ${id} is still ${task.status}; expected ${statuses.join('|')}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  };
}

/** The bundled compute API's spec, sent inline as a user would paste it. */
export function computeApiSpec(): Promise<string> {
  return readFile(new URL('../../../examples/compute-api/openapi.yaml', import.meta.url), 'utf8');
}
