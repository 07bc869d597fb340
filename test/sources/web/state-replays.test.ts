import { describe, expect, it } from 'vitest';
import type { StateView } from '../../../src/sources/web/state-observation.ts';
import { disagreeing, settleReplays } from '../../../src/sources/web/state-replays.ts';
import type { Change } from '../../../src/sources/web/snapshot-diff.ts';
import { changesSignature } from '../../../src/sources/web/snapshot-diff.ts';

/** A view of the given changes; `resolved` marks the replay that resolved its effects. */
function view(changes: Change[], resolved = false): StateView {
  return {
    changes,
    signature: changesSignature(changes),
    effects: resolved ? changes.map(() => ({ kind: 'visible', target: { role: 'dialog' } }) as never) : [],
    collected: undefined,
    postingForms: new Set(),
  };
}

const dialogAt = (place: number): Change[] => [
  { kind: 'appeared', key: `body > div:nth-of-type(${place})`, text: 'Create item' },
];
const pages = (entries: Record<string, StateView>) => new Map(Object.entries(entries));

describe('a flow replayed twice, and a third time when the two disagree', () => {
  it('calls no third replay when the two agree', async () => {
    let asked = 0;
    const settled = await settleReplays(
      pages({ list: view(dialogAt(3), true), status: view([], true) }),
      pages({ list: view(dialogAt(3)), status: view([]) }),
      async () => {
        asked += 1;
        return new Map();
      },
      () => true,
    );
    expect(asked).toBe(0);
    expect([...settled.reproducible].sort()).toEqual(['list', 'status']);
    expect(settled.unsettled).toEqual([]);
  });

  it('replays once more, alone, only the pages they disagree on, and keeps the view it agrees with', async () => {
    const asked: string[][] = [];
    const third = view(dialogAt(4), true);
    const settled = await settleReplays(
      pages({ list: view(dialogAt(3), true), status: view([], true) }),
      pages({ list: view(dialogAt(4)), status: view([]) }),
      async (ids) => {
        asked.push(ids);
        return pages({ list: third });
      },
      () => true,
    );
    expect(asked).toEqual([['list']]);
    expect(settled.reproducible.has('list')).toBe(true);
    // The first replay was the odd one: the third's resolved view stands for the state.
    expect(settled.views.get('list')).toBe(third);
  });

  it('keeps the first view when the third agrees with it', async () => {
    const first = view(dialogAt(3), true);
    const settled = await settleReplays(
      pages({ list: first }),
      pages({ list: view([]) }),
      async () => pages({ list: view(dialogAt(3), true) }),
      () => true,
    );
    expect(settled.views.get('list')).toBe(first);
    expect(settled.reproducible.has('list')).toBe(true);
  });

  it('takes the state a first replay that saw nothing missed, when the third sees what the second saw', async () => {
    const settled = await settleReplays(
      pages({ list: view([], true) }),
      pages({ list: view(dialogAt(3)) }),
      async () => pages({ list: view(dialogAt(3), true) }),
      () => true,
    );
    expect(settled.views.get('list')?.changes).toEqual(dialogAt(3));
    expect(settled.reproducible.has('list')).toBe(true);
  });

  it('reports a page no two of three replays agree on, with what each saw', async () => {
    const settled = await settleReplays(
      pages({ list: view(dialogAt(3), true) }),
      pages({ list: view([...dialogAt(4), ...dialogAt(5)]) }),
      async () => pages({ list: view([], true) }),
      () => true,
    );
    expect(settled.reproducible.has('list')).toBe(false);
    expect(settled.unsettled).toEqual([{ page: 'list', seen: [1, 2, 0] }]);
  });

  it('does not replay a third time past the deadline: the state stays not reproducible, and is reported', async () => {
    let asked = 0;
    const settled = await settleReplays(
      pages({ list: view(dialogAt(3), true) }),
      pages({ list: view(dialogAt(4)) }),
      async () => {
        asked += 1;
        return new Map();
      },
      () => false,
    );
    expect(asked).toBe(0);
    expect(settled.reproducible.has('list')).toBe(false);
    expect(settled.unsettled).toEqual([{ page: 'list', seen: [1, 1] }]);
  });

  it('counts a page one replay could not read (not settled) as a disagreement only when the other saw a change', () => {
    expect(disagreeing(pages({ list: view(dialogAt(3)) }), new Map())).toEqual(['list']);
    expect(disagreeing(pages({ list: view([]) }), new Map())).toEqual([]);
  });
});
