import { describe, expect, it } from 'vitest';
import type {
  ObservedInteraction,
  PageModel,
  UiEffect,
  UiElement,
  UiLocator,
} from '../../../src/core/page-model.ts';
import { reloadedEdit } from '../../../src/sources/web/own-edit-reload.ts';
import type { AfterReload, OwnEditTarget } from '../../../src/sources/web/own-edit-reload.ts';

const typed = { kind: 'fill' as const, target: 'title', value: 'test-qzkwxj', mark: 'qzkwxj' };
const fill = { kind: 'fill' as const, target: 'own-edit-title', value: 'edited-abcdef', mark: 'abcdef' };
const block = (text: string): UiLocator => ({ strategy: 'item', selector: 'li', text });
const search = { id: 'searchbox', locator: { strategy: 'role', role: 'searchbox' } } as UiElement;
const target = (withSearch: boolean): OwnEditTarget => ({
  create: {
    flow: { id: 'home-new-then-save', page: 'home', actions: [{ kind: 'click', target: 'new' }, typed] },
    typed,
  },
  page: { id: 'home', url: 'http://127.0.0.1/' } as PageModel,
  elements: [],
  search: withSearch ? search : undefined,
});
const edit: ObservedInteraction = {
  id: 'own-edit-click-done',
  setup: [{ kind: 'click', target: 'own-edit-button-edit' }, fill],
  action: { kind: 'click', target: 'done' },
  effects: [],
  reproducible: true,
};
const seen = (change: Partial<AfterReload> = {}): AfterReload => ({
  renamed: block('edited-abcdef'),
  gone: block('test-qzkwxj'),
  search: [],
  found: false,
  signature: 'a',
  ...change,
});

describe('reloadedEdit', () => {
  it('makes the create and the edit a flow whose reloaded page shows the new block, the old gone', () => {
    const { flow, state, problems } = reloadedEdit(target(false), edit, fill, [seen(), seen()]);
    expect(problems).toEqual([]);
    expect(flow).toEqual({
      id: 'home-new-then-save-then-done',
      page: 'home',
      actions: [{ kind: 'click', target: 'new' }, typed, ...edit.setup, edit.action],
    });
    expect(state).toEqual({
      flow: flow!.id,
      effects: [
        { kind: 'appeared', target: block('edited-abcdef'), text: undefined },
        { kind: 'disappeared', target: block('test-qzkwxj') },
      ],
      reproducible: true,
      interactions: [],
      sharedLinks: [],
      reloaded: true,
    });
  });

  it('takes the search that found the new text where the page does not show it', () => {
    const shown: UiEffect[] = [
      { kind: 'appeared', target: { strategy: 'text', text: '1 matches' }, text: '1 matches' },
    ];
    const only = seen({ renamed: undefined, gone: undefined, search: shown, found: true });
    const { state } = reloadedEdit(target(true), edit, fill, [only, { ...only, search: [] }]);
    expect(state?.effects).toEqual([]);
    expect(state?.interactions).toEqual([
      {
        id: 'fill-searchbox-after-reload',
        setup: [],
        action: { kind: 'fill', target: 'searchbox', value: fill.value, mark: fill.mark },
        effects: shown,
        reproducible: true,
      },
    ]);
  });

  it('records nothing, and says so, when the new text was not seen again (or the search did not find it)', () => {
    const lost = seen({
      renamed: undefined,
      gone: undefined,
      search: [{ kind: 'appeared', target: block('x'), text: undefined }],
    });
    const { flow, state, problems } = reloadedEdit(target(true), edit, fill, [lost, lost]);
    expect(flow).toBeUndefined();
    expect(state).toBeUndefined();
    expect(problems).toEqual([
      'own edit of home-new-then-save: not kept across a reload ("edited-abcdef" not shown on http://127.0.0.1/, nor found by its search)',
    ]);
  });

  it('is not reproducible when the two replays saw different things, and says nothing of an edit that was not', () => {
    const { state } = reloadedEdit(target(false), edit, fill, [seen(), seen({ signature: 'b' })]);
    expect(state?.reproducible).toBe(false);
    expect(reloadedEdit(target(false), { ...edit, reproducible: false }, fill, [seen(), seen()])).toEqual({
      problems: [],
    });
  });
});
