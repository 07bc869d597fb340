import { describe, expect, it } from 'vitest';
import { beforeRelativeTime, holdsRelativeTime } from '../../src/core/relative-time.ts';

describe('relative times', () => {
  it('finds the times an app writes next to data', () => {
    for (const text of [
      'Updated 7 minutes ago',
      'Default Updated < 1 minute ago 3 flags',
      '2 hours ago',
      'an hour ago',
      'edited just now',
      'expires in 3 days',
      'Seen yesterday',
      // Read from the DOM, a row's parts are glued together.
      'DefaultUpdated 4 minutes ago0 flags100% health',
      'Updated4 minutes ago',
    ])
      expect(holdsRelativeTime(text), text).toBe(true);
  });

  it('leaves plain names, counts and durations alone', () => {
    for (const text of [
      'Add to favorites',
      '3 flags',
      'Keep for 30 days',
      'Minutes of the meeting',
      'Agogo',
      '2 minutes agony',
      'Bring 2 days',
    ])
      expect(holdsRelativeTime(text), text).toBe(false);
  });

  it('keeps the words before the time, without the sign that led into it', () => {
    expect(beforeRelativeTime('Default Updated < 1 minute ago 3 flags')).toBe('Default Updated');
    expect(beforeRelativeTime('Report, 2 hours ago')).toBe('Report');
    expect(beforeRelativeTime('5 minutes ago')).toBe('');
    expect(beforeRelativeTime('DefaultUpdated 4 minutes ago0 flags')).toBe('DefaultUpdated');
    expect(beforeRelativeTime('Default project')).toBeUndefined();
  });
});
