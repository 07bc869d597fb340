import type { VectorEntry, VectorIndex } from '../../core/vector-index.ts';
import type { IndexCall, ThreadMessage } from './thread-messages.ts';

/**
 * How long a thread waits for the parent's answer; then the optimiser compares in memory. Long
 * enough for the pair search of a large corpus, short of the job's own timeout.
 */
const ANSWER_TIMEOUT_MS = 60_000;

/**
 * The job's project's stored embeddings, seen from its thread: each call a message to the
 * parent, which owns the database (and scopes the call to the job's project).
 */
export class ThreadVectorIndex implements VectorIndex {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();

  constructor(private readonly send: (message: ThreadMessage) => void) {}

  vectors(refs: readonly string[]): Promise<Map<string, number[]>> {
    return this.call({ method: 'vectors', refs: [...refs] }) as Promise<Map<string, number[]>>;
  }

  async put(entries: readonly VectorEntry[]): Promise<void> {
    await this.call({ method: 'put', entries: [...entries] });
  }

  neighbours(
    queries: readonly string[],
    among: readonly string[],
    minSimilarity: number,
  ): Promise<Map<string, string[]>> {
    return this.call({
      method: 'neighbours',
      queries: [...queries],
      among: [...among],
      minSimilarity,
    }) as Promise<Map<string, string[]>>;
  }

  /** The parent's answer to call `id`: its value, or the message of the error it met. */
  answered(id: number, answer: { value?: unknown; error?: string }): void {
    const waiting = this.pending.get(id);
    this.pending.delete(id);
    if (answer.error === undefined) waiting?.resolve(answer.value);
    else waiting?.reject(new Error(answer.error));
  }

  private call(call: IndexCall): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.answered(id, { error: `the stored embeddings did not answer in ${ANSWER_TIMEOUT_MS} ms` }),
        ANSWER_TIMEOUT_MS,
      );
      timer.unref();
      const settle =
        <T>(done: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          done(value);
        };
      this.pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      this.send({ type: 'index-call', id, call });
    });
  }
}
