import { describe, expect, it } from 'vitest';
import type { ObservedInteraction, SiteModel, UiEffect } from '../../../src/core/page-model.ts';
import { generateUiSuite } from '../../../src/generation/ui/generate-ui-suite.ts';
import { VolatileTexts } from '../../../src/generation/ui/volatile-texts.ts';
import { element, role, text } from './fixtures/price-calculator/model-builders.ts';
import { priceCalculatorSiteModel } from './fixtures/price-calculator/site-model.ts';
import { assertionText, assertionsOf, caseCovering } from './suite-queries.ts';

const appeared = (name: string): UiEffect => ({
  kind: 'appeared',
  target: role('link', name),
  text: name,
});

// A notes app that numbers new notes after the ones that exist: saving the draft the explorer
// opened showed "Note 4" while its replica's draft was already "Draft of Note 5".
const save: ObservedInteraction = {
  id: 'save-note',
  setup: [],
  action: { kind: 'click', target: 'save-note' },
  effects: [
    appeared('Note 4'),
    {
      kind: 'appeared',
      target: text('Saved 21st November 2025 at 9:07am'),
      text: 'Saved 21st November 2025 at 9:07am',
    },
    { kind: 'appeared', target: role('status'), text: 'Saved' },
    { kind: 'disappeared', target: role('link', 'Draft of Note 5') },
  ],
  reproducible: true,
};

function notesModel(): SiteModel {
  const model = structuredClone(priceCalculatorSiteModel);
  const home = model.pages.find((page) => page.id === 'home')!;
  home.elements.push(element('save-note', role('button', 'Save note'), 'Save note'));
  home.interactions.push(save);
  return model;
}

describe('VolatileTexts', () => {
  const volatile = new VolatileTexts(notesModel());

  it('knows a title numbered after what exists by the same words seen with another number', () => {
    expect(volatile.reason(appeared('Note 4'))).toBe(
      '"Note 4" is auto-numbered: the app numbers it after what exists',
    );
    expect(volatile.reason({ kind: 'disappeared', target: role('link', 'Draft of Note 5') })).toMatch(
      /auto-numbered/,
    );
    // Seen with one number only, or beside other numbers only in other observations (each
    // field's own range message): nothing says the app numbered it.
    expect(volatile.reason(appeared('Version 2 notes'))).toBeUndefined();
    expect(volatile.reason(appeared('Note 7'))).toBeUndefined();
  });

  it('knows a time stamp: a time of day, or the exploration year next to a month', () => {
    expect(volatile.reason(save.effects[1]!)).toBe(
      '"Saved 21st November 2025 at 9:07am" holds the date or time it was shown',
    );
    expect(volatile.reason(appeared('Updated 21 Nov 2025'))).toMatch(/date or time/);
    expect(volatile.reason(appeared('Since 1998'))).toBeUndefined();
  });

  it('knows a number the explorer saw change once its flows had created data', () => {
    const model = notesModel();
    model.pages[0]!.dataDerived = [{ text: '0 matches', after: '2 matches', interaction: 'fill-search' }];
    expect(new VolatileTexts(model).reason(appeared('0 matches'))).toBe(
      '"0 matches" showed "2 matches" once the explorer\'s flows had created data: derived from what exists',
    );
  });

  it('leaves values computed from the input alone: prices changed by a choice are expected exactly', () => {
    const priced = new VolatileTexts(priceCalculatorSiteModel);
    const effects = priceCalculatorSiteModel.pages.flatMap((page) =>
      page.interactions.flatMap((interaction) => interaction.effects),
    );
    expect(effects.filter((effect) => priced.reason(effect) !== undefined)).toEqual([]);
  });
});

describe('a case over an effect the app numbers or stamps', () => {
  it('checks what is stable, and lists what it leaves out with why', () => {
    const suite = generateUiSuite(notesModel(), {});
    const saved = caseCovering(suite, 'interaction home/save-note');
    expect(assertionsOf(saved).map(assertionText)).toEqual([
      'visible home.status',
      'text home.status = Saved',
    ]);
    expect(saved.title).toBe('Click Save note button: the status appears with "Saved"');
    expect(suite.skipped.map((skipped) => skipped.reason)).toEqual(
      expect.arrayContaining([
        'not expected exactly: "Note 4" is auto-numbered: the app numbers it after what exists',
        'not expected exactly: "Saved 21st November 2025 at 9:07am" holds the date or time it was shown',
        'not expected exactly: "Draft of Note 5" is auto-numbered: the app numbers it after what exists',
      ]),
    );
  });
});
