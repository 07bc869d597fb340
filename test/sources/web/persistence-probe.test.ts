import { describe, expect, it } from 'vitest';
import type { ObservedInteraction, StateFlow } from '../../../src/core/page-model.ts';
import { ownLetters } from '../../../src/sources/web/own-marks.ts';
import { createFlowOf } from '../../../src/sources/web/persistence-probe.ts';

const base: StateFlow = { id: 'home-new', page: 'home', actions: [{ kind: 'click', target: 'new' }] };
const typed = { kind: 'fill' as const, target: 'title', value: 'test qzkwxj', mark: 'qzkwxj' };
const create = (change: Partial<ObservedInteraction> = {}): ObservedInteraction => ({
  id: 'click-save',
  setup: [typed],
  action: { kind: 'click', target: 'save' },
  effects: [
    {
      kind: 'appeared',
      target: { strategy: 'role', role: 'link', name: 'test qzkwxj', exact: true },
      text: 'test qzkwxj',
    },
  ],
  reproducible: true,
  ...change,
});

describe('createFlowOf', () => {
  it("goes on from the state's flow with the create that showed its own text", () => {
    expect(createFlowOf(base, [create()])).toEqual({
      flow: {
        id: 'home-new-then-save',
        page: 'home',
        actions: [{ kind: 'click', target: 'new' }, typed, { kind: 'click', target: 'save' }],
      },
      typed,
    });
  });

  it("takes a create that opened the new item's own page, its text a segment of the address", () => {
    const marked = { ...typed, value: 'test-qzkwxj' };
    const opened = (to: string) =>
      create({
        setup: [marked],
        effects: [{ kind: 'url-changed', from: 'http://127.0.0.1/things', to }],
      });
    expect(createFlowOf(base, [opened('http://127.0.0.1/things/test-qzkwxj')])?.typed).toEqual(marked);
    expect(createFlowOf(base, [opened('http://127.0.0.1/things/test-qzkwxj/edit')])?.typed).toEqual(marked);
    // Another page, or the text only in its query (a search): no create seen.
    expect(createFlowOf(base, [opened('http://127.0.0.1/things/other')])).toBeUndefined();
    expect(createFlowOf(base, [opened('http://127.0.0.1/things?q=test-qzkwxj')])).toBeUndefined();
  });

  it('takes no create that was not reproducible, showed no typed text, or typed no marked text', () => {
    expect(createFlowOf(base, [create({ reproducible: false })])).toBeUndefined();
    expect(createFlowOf(base, [create({ effects: [] })])).toBeUndefined();
    const plain = { ...typed, mark: undefined };
    expect(createFlowOf(base, [create({ setup: [plain] })])).toBeUndefined();
    // A search typed into a box is no create: its action is the fill, not a click.
    expect(createFlowOf(base, [create({ setup: [], action: typed })])).toBeUndefined();
  });
});

describe('ownLetters', () => {
  it("types the replay's own letters in the create's mark, and leaves other actions alone", () => {
    const own = ownLetters(['qzkwxj'], () => 'abcdef');
    expect(own.swap(typed)).toEqual({
      ...typed,
      value: 'test abcdef',
      mark: 'abcdef',
    });
    const other = { kind: 'fill' as const, target: 'tag', value: 'test other', mark: 'other' };
    expect(own.swap(other)).toBe(other);
    expect(own.swap({ kind: 'click', target: 'save' })).toEqual({
      kind: 'click',
      target: 'save',
    });
    expect(own.asPlanned('test abcdef link')).toBe('test qzkwxj link');
  });
});
