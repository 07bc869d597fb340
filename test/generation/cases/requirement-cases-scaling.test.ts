import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../../src/core/manual-case.ts';
import { designRequirementCases } from '../../../src/generation/cases/design-requirement-cases.ts';

// Work is counted, not timed: reads of the requirement list must grow with its length.

function countingReads(requirements: Requirement[]): { list: Requirement[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy(requirements, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) reads += 1;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { list, reads: () => reads };
}

function requirement(index: number, form: Requirement['form'], text: string): Requirement {
  return {
    id: `REQ-${index + 1}`,
    text,
    section: 'Checkout',
    source: { file: 'r.md', line: index + 1 },
    form,
  };
}

describe('case design scaling', () => {
  // Every acceptance criterion counted the criteria after it: a story with 5,000 criteria
  // read the list 12 million times.
  it('a story with 5,000 acceptance criteria reads each requirement a few times, not once per criterion', () => {
    const requirements = [
      requirement(0, 'user-story', 'As a buyer, I want to pay so that I get my order.'),
      ...Array.from({ length: 5_000 }, (_, index) =>
        requirement(index + 1, 'acceptance-criterion', `The total ${index} is shown.`),
      ),
    ];
    const { list, reads } = countingReads(requirements);
    const set = designRequirementCases(
      { location: 'r.md', title: 'Shop', requirements: list },
      { owner: 'qa' },
    );
    expect(set.cases.length).toBe(5_000);
    expect(set.unused).toEqual([
      { ref: 'REQ-1 (r.md:1)', reason: 'covered by its 5000 acceptance criteria' },
    ]);
    expect(reads()).toBeLessThan(10 * requirements.length);
  });
});
