import { apiFetch } from './api-client.ts';
import type { ApiError } from './api-error.ts';
import { createSseParser, type StreamEvent } from './sse-parser.ts';

export interface JobStreamHandlers {
  onEvent(event: StreamEvent): void;
  /** The connection dropped and is being opened again (with the last event id). */
  onReconnecting?(attempt: number): void;
  onError?(error: ApiError | Error): void;
  onEnd?(): void;
}

const RETRY_MS = 2000;
const MAX_RETRIES = 10;

/**
 * Follows `/api/v1/stream/{id}` until the job's final status. After a dropped connection it
 * resumes with `last_event_id`, so no event is lost or repeated; a page reload starts from 0 and
 * replays the whole history. Returns a function that stops following.
 */
export function followJob(taskId: string, handlers: JobStreamHandlers): () => void {
  const controller = new AbortController();
  let lastId = 0;
  let attempts = 0;
  const run = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const response = await apiFetch(`/api/v1/stream/${taskId}?last_event_id=${lastId}`, {
          signal: controller.signal,
          headers: { accept: 'text/event-stream' },
        });
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        const parse = createSseParser();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const event of parse(value)) {
            if (event.id !== undefined) lastId = event.id;
            attempts = 0;
            handlers.onEvent(event);
          }
        }
        // The service closes the stream after the final status.
        handlers.onEnd?.();
        return;
      } catch (error) {
        if (controller.signal.aborted) return;
        const status = (error as ApiError).status;
        // A refused request (404, 401, 403) will not pass by retrying.
        if ((status && status >= 400 && status < 500) || ++attempts > MAX_RETRIES) {
          handlers.onError?.(error as Error);
          return;
        }
        handlers.onReconnecting?.(attempts);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  };
  void run();
  return () => controller.abort();
}
