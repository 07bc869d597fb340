import { MessageChannel } from 'node:worker_threads';
import { expect, it } from 'vitest';
import type { ParentMessage, ThreadMessage } from '../../../src/service/jobs/thread-messages.ts';
import { ThreadVectorIndex } from '../../../src/service/jobs/thread-vector-index.ts';

it("asks the parent's stored embeddings by message, and rejects with the error it answers", async () => {
  const { port1: thread, port2: parent } = new MessageChannel();
  const index = new ThreadVectorIndex((message) => thread.postMessage(message));
  thread.on('message', (message: ParentMessage) => {
    if (message.type === 'index-answer') index.answered(message.id, message);
  });
  parent.on('message', (message: ThreadMessage) => {
    if (message.type !== 'index-call') return;
    const answer =
      message.call.method === 'vectors'
        ? { value: new Map(message.call.refs.map((ref) => [ref, [1, 0]])) }
        : { error: 'the database went away' };
    parent.postMessage({ type: 'index-answer', id: message.id, ...answer } satisfies ParentMessage);
  });
  try {
    expect(await index.vectors(['a', 'b'])).toEqual(
      new Map([
        ['a', [1, 0]],
        ['b', [1, 0]],
      ]),
    );
    await expect(index.neighbours(['a'], ['b'], 0.9)).rejects.toThrow('the database went away');
  } finally {
    thread.close();
  }
});
