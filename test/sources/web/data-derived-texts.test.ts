import { describe, expect, it } from 'vitest';
import type { ObservedInteraction, PageModel, UiEffect } from '../../../src/core/page-model.ts';
import { changedTexts, recheckNumberedTexts } from '../../../src/sources/web/data-derived-texts.ts';
import type { ExplorationEnv } from '../../../src/sources/web/page-session.ts';

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

describe('the re-check after the flows', () => {
  it('runs nothing once exploration’s time budget is spent', async () => {
    const page = {
      id: 'home',
      url: 'http://127.0.0.1/',
      settled: true,
      interactions: [search],
      elements: [],
    };
    // Any load would need the browser: the spent budget must stop the re-check before one.
    const env = {
      browser: new Proxy(
        {},
        {
          get: () => {
            throw new Error('the browser was used');
          },
        },
      ),
    } as unknown as ExplorationEnv;
    const found = await recheckNumberedTexts(env, [page as unknown as PageModel], performance.now() - 1);
    expect(found.size).toBe(0);
  });
});
