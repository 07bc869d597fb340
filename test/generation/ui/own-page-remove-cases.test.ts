// The remove of the test's own item on the item's own page, as the explorer records it: the
// create opened the item's page; its remove (scoped to the page's part showing the created text)
// opens a dialog of the page whose confirm is the action; the app then leaves the page and shows
// the text nowhere.
import { describe, expect, it } from 'vitest';
import type { ObservedInteraction, SiteModel, UiLocator } from '../../../src/core/page-model.ts';
import { generateUiSuite } from '../../../src/generation/ui/generate-ui-suite.ts';
import { ORIGIN, element, role, text } from './fixtures/price-calculator/model-builders.ts';
import { priceCalculatorSiteModel } from './fixtures/price-calculator/site-model.ts';
import { actionText, actionsOf, assertionText, assertionsOf, caseCovering } from './suite-queries.ts';

const NAME = 'test-qzkwxj';
const flow = {
  id: 'configure-vm-create',
  page: 'configure-vm',
  actions: [
    { kind: 'click' as const, target: 'new-flag' },
    { kind: 'fill' as const, target: 'flag-name', value: NAME, mark: 'qzkwxj' },
    { kind: 'click' as const, target: 'create-flag' },
  ],
};
const ownMain: UiLocator = { strategy: 'item', selector: 'main', text: NAME };
const removal: ObservedInteraction = {
  id: 'click-own-item-dialog-button-archive',
  setup: [{ kind: 'click', target: 'own-item-button-archive' }],
  action: { kind: 'click', target: 'own-item-dialog-button-archive' },
  effects: [
    { kind: 'url-changed', from: `${ORIGIN}/flags/${NAME}`, to: `${ORIGIN}/configure/vm` },
    { kind: 'disappeared', target: text(NAME) },
  ],
  reproducible: true,
};

function withRemoval(
  remove: UiLocator = role('button', 'Archive flag', ownMain),
  confirm = 'dialog',
): SiteModel {
  const model = structuredClone(priceCalculatorSiteModel);
  model.flows = [flow];
  const page = model.pages.find((candidate) => candidate.id === 'configure-vm')!;
  page.elements.push(
    element('new-flag', role('button', 'New flag'), 'New flag'),
    element('flag-name', role('textbox', 'Name'), 'Name', { visible: false }),
    element('create-flag', role('button', 'Create flag'), 'Create flag', { visible: false }),
    element('own-item-button-archive', remove, 'Archive flag', { visible: false, destructive: true }),
    element(
      'own-item-dialog-button-archive',
      role('button', 'Archive flag', { strategy: 'role', role: confirm }),
      'Archive flag',
      { visible: false, destructive: true },
    ),
  );
  page.states = [
    {
      flow: flow.id,
      reproducible: true,
      inPlace: true,
      effects: [],
      interactions: [removal],
      sharedLinks: [],
    },
  ];
  return model;
}

const covers = `interaction configure-vm/${removal.id}`;
const what = `state configure-vm/${flow.id} interaction ${removal.id}`;

describe("the remove of the test's own item on its own page", () => {
  it('creates, clicks the remove on the page showing its text, confirms in the dialog, then checks it gone', () => {
    const removed = caseCovering(generateUiSuite(withRemoval()), covers);
    expect(removed.priority).toBe('critical');
    expect(actionsOf(removed).map(actionText)).toEqual([
      'goto configure-vm',
      'click configure-vm.newFlag',
      `fill configure-vm.flagName ${NAME}`,
      'click configure-vm.createFlag',
      'click configure-vm.ownItemButtonArchive',
      'click configure-vm.ownItemDialogButtonArchive',
    ]);
    expect(assertionsOf(removed).slice(-2).map(assertionText)).toEqual([
      'url /configure/vm',
      expect.stringMatching(/^hidden configure-vm\./),
    ]);
  });

  it('is not a case when the remove is not scoped to what shows the text the test typed', () => {
    const suite = generateUiSuite(withRemoval(role('button', 'Archive flag')));
    expect(suite.cases.some((testCase) => testCase.covers.includes(covers))).toBe(false);
    expect(suite.skipped).toContainEqual({
      what,
      reason: 'its setup triggers destructive "Archive flag"',
    });
  });

  it('is not a case when what it clicks after the remove is not in a dialog', () => {
    const suite = generateUiSuite(withRemoval(undefined, 'region'));
    expect(suite.cases.some((testCase) => testCase.covers.includes(covers))).toBe(false);
    expect(suite.skipped).toContainEqual({
      what,
      reason: 'its setup triggers destructive "Archive flag"',
    });
  });
});
