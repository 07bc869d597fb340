import { describe, expect, it } from 'vitest';
import { applyEvent, EMPTY_TIMELINE } from './job-timeline.ts';

const fold = (...events: [string, Record<string, unknown>][]) =>
  events.reduce(
    (timeline, [event, data], index) => applyEvent(timeline, { id: index + 1, event, data }),
    EMPTY_TIMELINE,
  );

describe('applyEvent', () => {
  it('turns stage starts and ends into stages with durations, and runs with their counts', () => {
    const timeline = fold(
      ['stage-start', { stage: 'load spec' }],
      ['stage-end', { stage: 'load spec', durationMs: 12 }],
      ['stage-start', { stage: 'run suite' }],
      ['run-start', { attempt: 1, of: 3, tests: 20 }],
      ['run-end', { attempt: 1, passed: 19, failed: 1, skipped: 0 }],
      ['progress', { percent: 60, stage: 'run suite' }],
    );
    expect(timeline.stages).toEqual([
      { name: 'load spec', state: 'done', durationMs: 12, detail: undefined },
      { name: 'run suite', state: 'running', durationMs: undefined, detail: undefined },
    ]);
    expect(timeline.runs).toEqual([{ attempt: 1, of: 3, tests: 20, passed: 19, failed: 1 }]);
    expect(timeline.percent).toBe(60);
  });

  it('ends at 100 % on completion and keeps warnings as messages', () => {
    const timeline = fold(
      ['operation-skipped', { operation: 'GET /x', reason: 'dangling $ref' }],
      ['status', { status: 'completed' }],
    );
    expect(timeline).toMatchObject({ status: 'completed', percent: 100 });
    expect(timeline.messages).toEqual([{ level: 'warn', text: 'GET /x skipped: dangling $ref' }]);
  });
});
