import { describe, expect, it } from 'vitest';
import { recheckDeadline } from '../../../src/sources/web/explore-site.ts';

// Unleash's UI in the real-application benchmark: 420 s; the re-check's share is 5 % (21 s).
describe('when the re-check of numbered texts stops', () => {
  it('is the end of the exploration when the flows left the re-check its share', () => {
    expect(recheckDeadline(0, 420_000, 390_000)).toBe(420_000);
  });

  it('keeps the share when the flows ran over theirs (they ended at 432.8 s of 420)', () => {
    expect(recheckDeadline(0, 420_000, 432_800)).toBe(453_800);
  });
});
