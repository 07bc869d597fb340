import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../src/emit/playwright-ts/runtime/client.ts';

describe('the emitted client waits out 429 as the target says, within bounds', () => {
  it('reads Retry-After in seconds or as a date, and backs off without one', () => {
    expect(retryDelayMs('2', 0)).toBe(2000);
    expect(retryDelayMs('0', 0)).toBe(0);
    expect(retryDelayMs(new Date(Date.now() + 3000).toUTCString(), 0)).toBeGreaterThan(1000);
    expect([0, 1, 2].map((attempt) => retryDelayMs(undefined, attempt))).toEqual([500, 1000, 2000]);
  });

  it('never waits longer than 8 s, whatever it is told', () => {
    expect(retryDelayMs('3600', 0)).toBe(8000);
    expect(retryDelayMs('not a date', 0)).toBe(500);
  });
});
