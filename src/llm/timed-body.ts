import type { ModelError } from '../core/model-errors.ts';

/** The timers of one attempt: aborting `signal` stops the request and its body. */
export interface CallTimers {
  signal: AbortSignal;
  /** Set when a timer fired: the error the call fails with. */
  timedOut: ModelError | undefined;
  firstByteArrived(): void;
  chunkArrived(): void;
  done(): void;
}

/**
 * The response body, re-armed on every chunk: a stream that stalls fails with the timeout error
 * instead of leaving the caller waiting for bytes that never come.
 */
export function timedBody(body: ReadableStream<Uint8Array>, timers: CallTimers): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  timers.chunkArrived();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          timers.done();
          controller.close();
          return;
        }
        timers.chunkArrived();
        controller.enqueue(value);
      } catch (error) {
        timers.done();
        controller.error(timers.timedOut ?? error);
      }
    },
    async cancel(reason) {
      timers.done();
      await reader.cancel(reason);
    },
  });
}
