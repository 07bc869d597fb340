import { afterEach, describe, expect, it } from 'vitest';
import type { EventBus } from '../../../src/service/jobs/event-bus.ts';
import type { StoredJobEvent } from '../../../src/service/jobs/job.ts';
import { waitFor } from '../support/wait-for.ts';

/** A bus that publishes and one that listens: the same object in memory, two processes' worth on Redis. */
export interface BusPair {
  publisher: EventBus;
  subscriber: EventBus;
  dispose(): Promise<void>;
}

export function logEvent(jobId: string, seq: number): StoredJobEvent {
  return {
    jobId,
    seq,
    event: { type: 'log', level: 'info', message: `step ${seq}` },
    at: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)),
  };
}

/** The EventBus contract: the memory bus and the Redis bus pass the same tests. */
export function describeEventBusContract(name: string, open: () => Promise<BusPair>): void {
  describe(`EventBus contract: ${name}`, () => {
    let pair: BusPair | undefined;
    afterEach(async () => {
      await pair?.dispose();
      pair = undefined;
    });

    it("delivers a job's events in order, dates as dates", async () => {
      pair = await open();
      const received: StoredJobEvent[] = [];
      await pair.subscriber.subscribe('job-a', (event) => received.push(event));
      const events = Array.from({ length: 100 }, (_, index) => logEvent('job-a', index + 1));
      // Not awaited one by one: the runner's publisher chains them, but order must not depend on it.
      await Promise.all(events.map((event) => pair!.publisher.publish(event)));
      await waitFor(() => received.length === 100, 'a hundred events');
      expect(received).toEqual(events);
      expect(received[0]!.at).toBeInstanceOf(Date);
    });

    it('delivers only the events of the job listened to', async () => {
      pair = await open();
      const received: string[] = [];
      await pair.subscriber.subscribe('job-a', (event) => received.push(`${event.jobId}#${event.seq}`));
      await pair.publisher.publish(logEvent('job-b', 1));
      await pair.publisher.publish(logEvent('job-a', 1));
      await waitFor(() => received.length >= 1, 'the event of job-a');
      expect(received).toEqual(['job-a#1']);
    });

    it('stops delivering to a listener that unsubscribed, and only to it', async () => {
      pair = await open();
      const left: number[] = [];
      const stayed: number[] = [];
      const unsubscribe = await pair.subscriber.subscribe('job-a', (event) => left.push(event.seq));
      await pair.subscriber.subscribe('job-a', (event) => stayed.push(event.seq));
      await pair.publisher.publish(logEvent('job-a', 1));
      await waitFor(() => left.length === 1 && stayed.length === 1, 'the first event');
      await unsubscribe();
      await unsubscribe();
      await pair.publisher.publish(logEvent('job-a', 2));
      await waitFor(() => stayed.length === 2, 'the second event');
      expect(left).toEqual([1]);
      expect(stayed).toEqual([1, 2]);
    });

    it('delivers again to a job whose last listener left and a new one came', async () => {
      pair = await open();
      const unsubscribe = await pair.subscriber.subscribe('job-a', () => undefined);
      await unsubscribe();
      const received: number[] = [];
      await pair.subscriber.subscribe('job-a', (event) => received.push(event.seq));
      await pair.publisher.publish(logEvent('job-a', 7));
      await waitFor(() => received.length === 1, 'the event');
      expect(received).toEqual([7]);
    });

    it('gives every event to each of 1,000 listeners of one job', async () => {
      pair = await open();
      const counts = new Array<number>(1000).fill(0);
      await Promise.all(
        counts.map((_, index) =>
          pair!.subscriber.subscribe('job-a', () => (counts[index] = counts[index]! + 1)),
        ),
      );
      for (let seq = 1; seq <= 20; seq++) await pair.publisher.publish(logEvent('job-a', seq));
      await waitFor(() => counts.every((count) => count === 20), 'every listener to receive 20 events');
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(20_000);
    });
  });
}
