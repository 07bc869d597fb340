import { describe, expect, it } from 'vitest';
import type { ObservedItem, PageSnapshot } from '../../../src/sources/web/in-page-types.ts';
import { diffSnapshots } from '../../../src/sources/web/snapshot-diff.ts';

function item(key: string, text: string | null, fields: Partial<ObservedItem> = {}): ObservedItem {
  return {
    key,
    stable: !key.includes('nth-of-type'),
    parent: '',
    regions: ['main'],
    text,
    value: undefined,
    visible: true,
    enabled: true,
    checked: undefined,
    expanded: undefined,
    invalid: false,
    ...fields,
  };
}

const snapshot = (items: ObservedItem[], texts: PageSnapshot['texts'] = []): PageSnapshot => ({
  url: 'http://127.0.0.1/catalog',
  items,
  texts,
});

const list = '[data-testid="list"]';
const nth = (index: number, tail = ''): string => `${list} > li:nth-of-type(${index})${tail}`;

describe('diffSnapshots', () => {
  it('does not report an element whose key changed as gone and come back', () => {
    // Three cards, then a filter leaves the first: its shared test id is unique now, so the card
    // is observed on its own, and its button gets a key under it.
    const before = snapshot(
      [
        item(list, null),
        item('#card-a-name', 'Alpha', { parent: list }),
        item(nth(1, ' > button'), 'Open Alpha', { parent: list }),
        item('#card-b-name', 'Beta', { parent: list }),
        item(nth(2, ' > button'), 'Open Beta', { parent: list }),
      ],
      [
        { text: 'Fast and small.', parent: list, regions: ['main'] },
        { text: 'Slow and big.', parent: list, regions: ['main'] },
      ],
    );
    const after = snapshot([
      item(list, 'AlphaFast and small.Open Alpha'),
      item('[data-testid="card"]', 'AlphaFast and small.Open Alpha', { parent: list }),
      item('#card-a-name', 'Alpha', { parent: '[data-testid="card"]' }),
      item('[data-testid="card"] > button', 'Open Alpha', { parent: '[data-testid="card"]' }),
    ]);
    const { changes } = diffSnapshots(before, after);
    expect(changes).toEqual(
      expect.arrayContaining([
        { kind: 'disappeared', key: '#card-b-name' },
        { kind: 'disappeared', key: nth(2, ' > button') },
        { kind: 'text-disappeared', text: 'Slow and big.', parent: list },
      ]),
    );
    const keys = changes.map((change) => ('key' in change ? change.key : change.text));
    expect(keys).not.toContain(nth(1, ' > button'));
    expect(keys).not.toContain('[data-testid="card"]');
    expect(keys).not.toContain('Fast and small.');
  });

  it('pairs a removed item with the sibling that moved onto its key', () => {
    const before = snapshot([item(nth(1), 'Apples'), item(nth(2), 'Pears')]);
    const after = snapshot([item(nth(1), 'Pears')]);
    expect(diffSnapshots(before, after).changes).toEqual([{ kind: 'disappeared', key: nth(1), moved: true }]);
  });

  it('still reports text that vanished from the page and text that is new', () => {
    const before = snapshot([], [{ text: 'Draft', parent: '', regions: ['main'] }]);
    const after = snapshot([], [{ text: 'Saved', parent: '', regions: ['main'] }]);
    expect(diffSnapshots(before, after).changes).toEqual([
      { kind: 'text-disappeared', text: 'Draft', parent: '' },
      { kind: 'text-appeared', text: 'Saved', parent: '' },
    ]);
  });
});
