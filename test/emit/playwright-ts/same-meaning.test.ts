import { describe, expect, it } from 'vitest';
import { sameMeaning } from '../../../src/emit/playwright-ts/runtime/values.ts';

describe('the emitted suite compares what a server normalises by meaning', () => {
  it('takes a word in another case and a date-time written another way as the value sent', () => {
    expect(sameMeaning('admin', 'aDMin')).toBe(true);
    expect(sameMeaning('2024-01-15T10:30:00.000Z', '2024-01-15T10:30:00Z')).toBe(true);
    expect(sameMeaning('2024-01-15T12:30:00+02:00', '2024-01-15T10:30:00Z')).toBe(true);
    expect(sameMeaning('2024-01-15T00:00:00.000Z', '2024-01-15')).toBe(true);
  });

  it('still tells different values apart', () => {
    expect(sameMeaning('admin', 'editor')).toBe(false);
    expect(sameMeaning('2024-01-16', '2024-01-15')).toBe(false);
    expect(sameMeaning('2024-01-15T10:31:00Z', '2024-01-15T10:30:00Z')).toBe(false);
    expect(sameMeaning(12, '12')).toBe(false);
  });
});
