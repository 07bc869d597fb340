import { describe, expect, it, vi } from 'vitest';
import type { PageModel, UiEffect } from '../../../src/core/page-model.ts';
import type { StateView } from '../../../src/sources/web/state-observation.ts';
import type { StateTarget } from '../../../src/sources/web/state-interactions.ts';

// Which state is explored first when a flow's reload and its page as the flow left it both show
// something: the in-place one (an editor the flow opened, where its create is finished).
const explored: string[] = [];

vi.mock('../../../src/sources/web/state-observation.ts', () => ({
  observeFlow: async (
    _env: unknown,
    _flow: unknown,
    pages: PageModel[],
    _baselines: unknown,
    _shared: unknown,
    options: { inPlace?: boolean },
  ): Promise<Map<string, StateView>> => {
    const name = options.inPlace ? 'Confirm changes' : "Draft of 'New item'";
    const effects: UiEffect[] = [
      { kind: 'appeared', target: { strategy: 'role', role: 'button', name, exact: true }, text: undefined },
    ];
    const view = {
      changes: [],
      signature: name,
      effects,
      collected: undefined,
      postingForms: new Set<string>(),
    };
    return new Map(pages.map((page) => [page.id, view]));
  },
}));

// The editor's create (a marked title typed, then saved) that the page as the flow left it shows.
const created = {
  id: 'click-save',
  setup: [{ kind: 'fill', target: 'title', value: 'test qzkwxj', mark: 'qzkwxj' }],
  action: { kind: 'click', target: 'save' },
  effects: [
    {
      kind: 'appeared',
      target: { strategy: 'role', role: 'link', name: 'test qzkwxj', exact: true },
      text: 'test qzkwxj',
    },
  ],
  reproducible: true,
};

vi.mock('../../../src/sources/web/persistence-probe.ts', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  probePersistence: async (_env: unknown, target: { create: { flow: { id: string } } }) => {
    explored.push('persistence');
    return {
      state: {
        flow: target.create.flow.id,
        effects: [],
        reproducible: true,
        interactions: [],
        sharedLinks: [],
        reloaded: true,
      },
      problems: [],
    };
  },
}));

// The created item's own remove, tried once whether the create lasts is known.
vi.mock('../../../src/sources/web/own-item-probe.ts', () => ({
  probeOwnItem: async (_env: unknown, target: { create: { flow: { id: string } } }) => {
    explored.push('own item');
    return {
      state: {
        flow: target.create.flow.id,
        effects: [],
        reproducible: true,
        interactions: [],
        sharedLinks: [],
        inPlace: true,
      },
      elements: [],
      problems: [],
    };
  },
}));

// Its own edit, tried beside the remove; none found here.
vi.mock('../../../src/sources/web/own-edit-probe.ts', () => ({
  probeOwnEdit: async () => {
    explored.push('own edit');
    return { state: undefined, elements: [], problems: [] };
  },
}));

vi.mock('../../../src/sources/web/state-interactions.ts', () => ({
  exploreState: async (_env: unknown, target: StateTarget) => {
    explored.push(target.inPlace ? 'in place' : 'reloaded');
    return {
      elements: {
        elements: [],
        facts: new Map(),
        added: [],
        changed: new Set(),
        hiddenAdded: [],
        addedOrder: [],
      },
      interactions: target.inPlace ? [created] : [],
      sharedLinks: [],
      problems: [],
    };
  },
}));

const { exploreStates } = await import('../../../src/sources/web/explore-states.ts');

const home = {
  id: 'home',
  url: 'http://127.0.0.1/',
  settled: true,
  landmarks: [],
  elements: [
    {
      id: 'new-item',
      role: 'button',
      name: 'New item',
      tag: 'button',
      inputType: undefined,
      locator: { strategy: 'role', role: 'button', name: 'New item', exact: true },
      visible: true,
      enabled: true,
      region: 'main',
      value: undefined,
      constraints: undefined,
      destructive: false,
    },
  ],
  forms: [],
  interactions: [
    {
      id: 'click-new-item',
      setup: [],
      action: { kind: 'click', target: 'new-item' },
      effects: [
        {
          kind: 'appeared',
          target: { strategy: 'role', role: 'button', name: 'Confirm changes', exact: true },
          text: undefined,
        },
      ],
      reproducible: true,
    },
  ],
} as unknown as PageModel;

describe('exploring the states of one flow', () => {
  it('explores the page as the flow left it, then whether its create lasts, its remove and its edit, before the page reloaded', async () => {
    const result = await exploreStates(
      {} as never,
      [home],
      new Map([['home', { url: '', items: [], texts: [] }]]),
      {
        deadline: performance.now() + 60_000,
        maxElements: 100,
      },
    );
    expect(result.issues).toEqual([]);
    // The create found in place becomes a flow of its own, whose reload is probed next.
    expect(result.flows.map((flow) => flow.id)).toEqual(['home-new-item-then-save', 'home-new-item']);
    expect(result.flows[0]!.actions.map((action) => action.kind)).toEqual(['click', 'fill', 'click']);
    expect(result.pages.get('home')?.states.map((state) => state.inPlace ?? state.reloaded ?? false)).toEqual(
      [false, true, true, true],
    );
    expect(explored).toEqual(['in place', 'persistence', 'own item', 'own edit', 'reloaded']);
  });
});
