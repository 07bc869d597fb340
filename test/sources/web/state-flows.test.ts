import { describe, expect, it } from 'vitest';
import type { UiElement } from '../../../src/core/page-model.ts';
import type { CollectedElements } from '../../../src/sources/web/collect-elements.ts';
import type { ElementFacts } from '../../../src/sources/web/in-page-types.ts';
import { mergeStateElements } from '../../../src/sources/web/state-elements.ts';
import { flowCandidates, sharedLandmarks } from '../../../src/sources/web/state-flows.ts';
import { element, role } from '../../generation/ui/fixtures/price-calculator/model-builders.ts';
import { priceCalculatorSiteModel } from '../../generation/ui/fixtures/price-calculator/site-model.ts';

const pages = priceCalculatorSiteModel.pages;
const estimate = pages.find((page) => page.id === 'estimate')!;

describe('flows', () => {
  it('are reproducible creates that stay on their page: the form submit that adds a service', () => {
    expect(flowCandidates(pages, 2)).toEqual([
      {
        id: 'configure-vm-add-to-estimate',
        page: 'configure-vm',
        actions: [{ kind: 'click', target: 'add-to-estimate' }],
      },
    ]);
  });

  it('leave out the frame every page shares', () => {
    expect([...sharedLandmarks(pages)].sort()).toEqual(['banner', 'contentinfo', 'navigation "Main"']);
  });
});

function collected(elements: UiElement[]): CollectedElements {
  const facts = new Map(elements.map((entry) => [entry.id, { key: `#${entry.id}` } as ElementFacts]));
  return { elements, facts, idByKey: new Map(), skipped: [], truncated: 0 };
}

describe('elements of a state', () => {
  it('keeps the ids of known elements and adds what the state shows, without clashing ids', () => {
    const state = mergeStateElements(
      estimate,
      collected([
        element('share', role('button', 'Share link'), 'Share link', { region: 'complementary "Total"' }),
        // Same id as an element of the fresh load, but another element: it gets a new id.
        element('connect', role('button', 'Remove Managed Redis'), 'Remove Managed Redis', {
          region: 'region "Services"',
          destructive: true,
        }),
        // The header counter moved with the state: the shared frame is not explored again.
        element('nav-estimate', role('link', 'Estimate (1)'), 'Estimate (1)', {
          region: 'navigation "Main"',
        }),
      ]),
      new Set(['banner', 'navigation "Main"', 'contentinfo']),
    );
    expect(state.added.map((entry) => entry.id)).toEqual(['connect-2']);
    expect([...state.changed].sort()).toEqual(['connect-2', 'share-link']);
    expect(state.elements.find((entry) => entry.id === 'share-link')).toMatchObject({
      visible: true,
      enabled: true,
    });
    expect(state.elements.find((entry) => entry.id === 'connect')).toMatchObject({ visible: false });
  });
});
