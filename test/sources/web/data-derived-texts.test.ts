import { describe, expect, it } from 'vitest';
import type { ObservedInteraction, UiEffect } from '../../../src/core/page-model.ts';
import { changedTexts } from '../../../src/sources/web/data-derived-texts.ts';

const button = (name: string): UiEffect => ({
  kind: 'appeared',
  target: { strategy: 'role', role: 'button', name, exact: true },
  text: name,
});

// A search typed before the flows created data, as exploration first saw it.
const search: ObservedInteraction = {
  id: 'fill-searchbox-test',
  setup: [],
  action: { kind: 'fill', target: 'searchbox', value: 'test' },
  effects: [button('advanced search'), button('0 matches'), button('Showing page 1')],
  reproducible: true,
};

describe('numbered texts seen again after the flows', () => {
  it('are derived from data when the same words now hold another number', () => {
    expect(changedTexts(search, ['advanced search', '2 matches', 'Showing page 1'])).toEqual([
      { text: '0 matches', after: '2 matches', interaction: 'fill-searchbox-test' },
    ]);
  });

  it('are not when they show again, or went away with nothing renumbered in their place', () => {
    expect(changedTexts(search, ['advanced search', '0 matches', 'Showing page 1'])).toEqual([]);
    expect(changedTexts(search, ['advanced search'])).toEqual([]);
  });
});
