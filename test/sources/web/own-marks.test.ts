import { describe, expect, it } from 'vitest';
import type { InteractionPlan } from '../../../src/sources/web/plan-interactions.ts';
import { withOwnMarks } from '../../../src/sources/web/own-marks.ts';

const letters =
  (...given: string[]) =>
  () =>
    given.shift()!;

describe('a replay that creates with letters of its own', () => {
  const create: InteractionPlan = {
    setup: [
      { kind: 'click', target: 'new' },
      { kind: 'fill', target: 'name', value: 'test-qzkwxj', mark: 'qzkwxj' },
    ],
    action: { kind: 'click', target: 'create' },
    restore: [],
  };

  it('types other letters in place of the mark, the same in every step of the plan', () => {
    const search: InteractionPlan = {
      setup: [...create.setup, create.action],
      action: { kind: 'fill', target: 'search', value: 'test-qzkwxj', mark: 'qzkwxj' },
      restore: [],
    };
    const own = withOwnMarks(search, letters('abcdef'));
    expect(own.plan.setup[1]).toEqual({ kind: 'fill', target: 'name', value: 'test-abcdef', mark: 'abcdef' });
    expect(own.plan.action).toEqual({ kind: 'fill', target: 'search', value: 'test-abcdef', mark: 'abcdef' });
    expect(search.setup[1]).toEqual(create.setup[1]); // the planned steps are left as they were
  });

  it('reads what the replay saw with the planned mark back, so the same create compares equal', () => {
    const own = withOwnMarks(create, letters('abcdef'));
    const seen = JSON.stringify({ url: 'http://app.test/items/test-abcdef', kept: ['heading test-abcdef'] });
    expect(own.asPlanned(seen)).toBe(
      JSON.stringify({ url: 'http://app.test/items/test-qzkwxj', kept: ['heading test-qzkwxj'] }),
    );
  });

  it('leaves a plan without marks as it is', () => {
    const plain: InteractionPlan = { setup: [], action: { kind: 'click', target: 'go' }, restore: [] };
    const own = withOwnMarks(plain, letters());
    expect(own.plan).toBe(plain);
    expect(own.asPlanned('anything')).toBe('anything');
  });
});
