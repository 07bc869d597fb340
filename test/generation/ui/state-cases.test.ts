import { describe, expect, it } from 'vitest';
import type { PageState, SiteModel } from '../../../src/core/page-model.ts';
import { generateUiSuite } from '../../../src/generation/ui/generate-ui-suite.ts';
import { ORIGIN, element, role, testId } from './fixtures/price-calculator/model-builders.ts';
import { priceCalculatorSiteModel } from './fixtures/price-calculator/site-model.ts';
import { actionText, actionsOf, assertionText, assertionsOf, caseCovering } from './suite-queries.ts';

const flow = {
  id: 'configure-vm-add',
  page: 'configure-vm',
  actions: [{ kind: 'click' as const, target: 'add-to-estimate' }],
};
const totals = (total: string) => ({
  kind: 'text-changed' as const,
  target: testId('total'),
  before: '0,00 ₽',
  after: total,
});

const state: PageState = {
  flow: flow.id,
  reproducible: true,
  effects: [
    totals('4 332,00 ₽'),
    { kind: 'state-changed', target: role('button', 'Share link'), state: 'enabled' },
    // The link the app hands out holds the explored host: not something a suite can assert.
    {
      kind: 'value-changed',
      target: role('textbox', 'Debug link'),
      before: '',
      after: `${ORIGIN}/estimate#x`,
    },
  ],
  interactions: [
    {
      id: 'remove',
      setup: [],
      action: { kind: 'click', target: 'remove-virtual-machine' },
      effects: [{ kind: 'disappeared', target: role('list', 'Services') }, totals('0,00 ₽')],
      reproducible: true,
    },
  ],
  sharedLinks: [
    {
      setup: [{ kind: 'click', target: 'share-link' }],
      holder: 'share-url',
      opens: 'estimate',
      effects: [totals('4 332,00 ₽')],
      reproducible: true,
    },
  ],
};

function withState(change: (model: SiteModel) => void = () => undefined): SiteModel {
  const model = structuredClone(priceCalculatorSiteModel);
  model.flows = [flow];
  const estimate = model.pages.find((page) => page.id === 'estimate')!;
  estimate.states = [structuredClone(state)];
  estimate.elements.push(
    element('share-url', role('textbox', 'Link to this estimate'), 'Link to this estimate', {
      visible: false,
    }),
  );
  change(model);
  return model;
}

describe('cases from the states flows leave', () => {
  const suite = generateUiSuite(withState());

  it('run the flow on its page, check it worked, then open the page and check what it shows', () => {
    const shown = caseCovering(suite, 'state estimate/configure-vm-add');
    expect(shown.kind).toBe('state');
    expect(shown.page).toBe('estimate');
    expect(shown.title).toMatch(
      /^After click Add to estimate button on \/configure\/vm, "Your estimate" \(\/estimate\) shows it: /,
    );
    expect(shown.steps.map((step) => step.phase)).toEqual(['arrange', 'arrange', 'assert']);
    expect(actionsOf(shown).map(actionText)).toEqual([
      'goto configure-vm',
      'click configure-vm.addToEstimate',
      'goto estimate',
    ]);
    expect(shown.steps[0]!.assertions.map(assertionText)).toContain(
      'text configure-vm.navEstimate = Estimate (1)',
    );
    expect(assertionsOf(shown).slice(-2).map(assertionText)).toEqual([
      'text estimate.total = 4 332,00 ₽',
      'state estimate.shareLink enabled',
    ]);
  });

  it('remove what the flow added, and check it is gone', () => {
    const remove = suite.cases.find((testCase) => testCase.covers.includes('interaction estimate/remove'))!;
    expect(remove.kind).toBe('state');
    expect(actionsOf(remove, 'act').map(actionText)).toEqual(['click estimate.removeVirtualMachine']);
    expect(assertionsOf(remove).map(assertionText)).toContain('hidden estimate.servicesList');
  });

  it('open a share link as a new visitor and expect the state back', () => {
    const shared = caseCovering(suite, 'shared link estimate/share-url → estimate');
    expect(actionsOf(shared).map(actionText)).toEqual([
      'goto configure-vm',
      'click configure-vm.addToEstimate',
      'goto estimate',
      'click estimate.shareLink',
      'open-shared estimate.shareUrl',
    ]);
    expect(assertionsOf(shared).slice(-1).map(assertionText)).toEqual(['text estimate.total = 4 332,00 ₽']);
  });

  it('skip a state whose flow is not in the model', () => {
    const orphan = generateUiSuite(withState((model) => (model.flows = [])));
    expect(orphan.cases.filter((testCase) => testCase.kind === 'state')).toEqual([]);
    expect(orphan.skipped).toContainEqual({
      what: 'state estimate/configure-vm-add',
      reason: 'flow "configure-vm-add" is not in the model',
    });
  });
});

describe('a remove whose confirm would be accepted', () => {
  it('is not a case unless it acts on an item the test typed itself (the flow here types nothing)', () => {
    const suite = generateUiSuite(
      withState((model) => {
        const remove = model.pages.find((page) => page.id === 'estimate')!.states![0]!.interactions[0]!;
        remove.action = { kind: 'click', target: 'remove-virtual-machine', acceptDialog: true };
      }),
    );
    expect(suite.cases.some((testCase) => testCase.covers.includes('interaction estimate/remove'))).toBe(
      false,
    );
    expect(suite.skipped).toContainEqual({
      what: 'state estimate/configure-vm-add interaction remove',
      reason: expect.stringContaining('accepts a confirm outside an item the test typed itself'),
    });
  });
});

describe("a state kept in the page (the flow's page as the flow left it)", () => {
  const inPlace = generateUiSuite(
    withState((model) => {
      model.pages.find((page) => page.id === 'estimate')!.states = [];
      model.pages.find((page) => page.id === 'configure-vm')!.states = [
        {
          flow: flow.id,
          reproducible: true,
          inPlace: true,
          effects: [totals('4 332,00 ₽')],
          interactions: [
            {
              id: 'add-again',
              setup: [],
              action: { kind: 'click', target: 'add-to-estimate' },
              effects: [totals('8 664,00 ₽')],
              reproducible: true,
            },
          ],
          sharedLinks: [],
        },
      ];
    }),
  );

  it('goes on from the flow without opening the page again', () => {
    const again = caseCovering(inPlace, 'interaction configure-vm/add-again');
    expect(again.kind).toBe('state');
    expect(actionsOf(again).map(actionText)).toEqual([
      'goto configure-vm',
      'click configure-vm.addToEstimate',
      'click configure-vm.addToEstimate',
    ]);
    expect(assertionsOf(again).at(-1)).toMatchObject({ kind: 'text', text: '8 664,00 ₽' });
  });

  it('has no separate "shows it" case: the flow\'s start step already checks its effects', () => {
    expect(() => caseCovering(inPlace, 'state configure-vm/configure-vm-add')).toThrow();
  });
});

describe('a state seen after a reload, once the writes went out (PageState.reloaded)', () => {
  const reloaded = generateUiSuite(
    withState((model) => {
      model.pages.find((page) => page.id === 'estimate')!.states = [];
      model.pages.find((page) => page.id === 'configure-vm')!.states = [
        {
          flow: flow.id,
          reproducible: true,
          reloaded: true,
          effects: [totals('4 332,00 ₽')],
          interactions: [],
          sharedLinks: [],
        },
      ];
    }),
  );

  it('waits for the writes before opening the page again, and says so', () => {
    const shown = caseCovering(reloaded, 'state configure-vm/configure-vm-add');
    expect(shown.title).toMatch(/, once saved and reloaded, .* still shows it: /);
    const gotos = actionsOf(shown).filter((action) => action.kind === 'goto');
    expect(gotos).toEqual([
      { kind: 'goto', page: 'configure-vm', path: '/configure/vm' },
      { kind: 'goto', page: 'configure-vm', path: '/configure/vm', afterWrites: true },
    ]);
    expect(assertionsOf(shown).at(-1)).toMatchObject({ kind: 'text', text: '4 332,00 ₽' });
  });
});

describe('mobile content', () => {
  it('is checked visible at the mobile width', () => {
    const suite = generateUiSuite(
      withState((model) => {
        const home = model.pages.find((page) => page.id === 'home')!;
        home.mobile = { ...home.mobile!, content: [testId('disclaimer')] };
      }),
    );
    const layout = caseCovering(suite, 'mobile home layout');
    expect(assertionsOf(layout).map(assertionText)).toContain('visible home.disclaimer');
    expect(layout.title).toContain('1 text block');
  });
});
