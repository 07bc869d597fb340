import { describe, expect, it } from 'vitest';
import type { ObservedInteraction, SiteModel, UiEffect } from '../../../src/core/page-model.ts';
import { generateUiSuite } from '../../../src/generation/ui/generate-ui-suite.ts';
import {
  committedValues,
  explorerCreatedValues,
  holdsValue,
} from '../../../src/generation/ui/committed-values.ts';
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

  it('knows an item a flow showed unnumbered and a state of the same flow numbered', () => {
    const model = notesModel();
    const home = model.pages.find((page) => page.id === 'home')!;
    const open: ObservedInteraction = {
      id: 'new-note',
      setup: [],
      action: { kind: 'click', target: 'new-note' },
      effects: [appeared("Draft of 'Note'")],
      reproducible: true,
    };
    home.interactions.push(open);
    model.flows = [{ id: 'home-new-note', page: 'home', actions: [open.action] }];
    const saved: ObservedInteraction = {
      ...save,
      id: 'save-own',
      effects: [appeared('test qzkwxj'), { kind: 'disappeared', target: role('link', "Draft of 'Note 4'") }],
    };
    home.states = [
      {
        flow: 'home-new-note',
        effects: [],
        reproducible: true,
        interactions: [saved],
        sharedLinks: [],
        inPlace: true,
      },
    ];
    const numbered = new VolatileTexts(model);
    expect(numbered.reason({ kind: 'disappeared', target: role('link', "Draft of 'Note 4'") })).toMatch(
      /auto-numbered/,
    );
    // The unnumbered one is what every first draft is called; other numbered texts stay expected.
    expect(numbered.reason(appeared("Draft of 'Note'"))).toBeUndefined();
    expect(numbered.reason(appeared('Version 2 notes'))).toBeUndefined();
  });

  it('knows a time stamp: a time of day, or the exploration year next to a month', () => {
    expect(volatile.reason(save.effects[1]!)).toBe(
      '"Saved 21st November 2025 at 9:07am" holds the date or time it was shown',
    );
    expect(volatile.reason(appeared('Updated 21 Nov 2025'))).toMatch(/date or time/);
    expect(volatile.reason(appeared('Since 1998'))).toBeUndefined();
  });

  it("knows the exploration's day of the month glued to a word: a calendar icon read with its label", () => {
    // Explored on the 21st: TiddlyWiki's "new journal" button shows the day in its icon.
    expect(volatile.reason(appeared('21new journal'))).toBe(
      '"21new journal" holds the date or time it was shown',
    );
    expect(volatile.reason(appeared('new journal 21st'))).toMatch(/date or time/);
    expect(volatile.reason(appeared('20new journal'))).toBeUndefined();
    expect(volatile.reason(appeared('121new journal'))).toBeUndefined();
    expect(volatile.reason(appeared('B21X'))).toBeUndefined();
    // A share code or a word with digits in it is no date.
    expect(
      volatile.reason(appeared('http://127.0.0.1:8080/estimate?s=eyJyZWdpb24iOiJ1c21Qa21')),
    ).toBeUndefined();
    expect(volatile.reason(appeared('Mode a21 b'))).toBeUndefined();
    expect(volatile.reason(appeared('abc 21x'))).toBeUndefined();
  });

  it('knows a relative time: it reads differently minutes later', () => {
    expect(volatile.reason(appeared('Updated < 1 minute ago'))).toMatch(/date or time/);
    expect(volatile.reason(appeared('Last seen 2 hours ago'))).toMatch(/date or time/);
    expect(volatile.reason(appeared('Keep for 30 days'))).toBeUndefined();
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

  it('leaves them alone whatever the day of the exploration: a price holds no date', () => {
    const effects = priceCalculatorSiteModel.pages.flatMap((page) =>
      [...page.interactions, ...(page.states ?? []).flatMap((state) => state.interactions)].flatMap(
        (interaction) => interaction.effects,
      ),
    );
    for (let day = 1; day <= 31; day += 1) {
      const model = structuredClone(priceCalculatorSiteModel);
      model.exploredAt = `2025-12-${String(day).padStart(2, '0')}T12:00:00.000Z`;
      const volatile = new VolatileTexts(model);
      expect(
        effects.filter((effect) => volatile.reason(effect) !== undefined),
        `day ${day}`,
      ).toEqual([]);
    }
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

// A wiki's Tools tab: its "new journal" button shows the day of the month in its icon (read with
// its label, "21new journal" on the 21st) and its search toggle a count of what the wiki holds.
function toolsModel(): SiteModel {
  const model = structuredClone(priceCalculatorSiteModel);
  const home = model.pages.find((page) => page.id === 'home')!;
  home.elements.push(
    element('tools', role('tab', 'Tools'), 'Tools'),
    element('new-journal', role('button', 'new journal'), '21new journal'),
    element('matches', role('button', 'matches'), '0 matches'),
  );
  home.interactions.push({
    id: 'open-tools',
    setup: [],
    action: { kind: 'click', target: 'tools' },
    effects: [
      { kind: 'appeared', target: role('button', 'new journal'), text: '21new journal' },
      { kind: 'appeared', target: role('button', 'matches'), text: '0 matches' },
      { kind: 'appeared', target: text('Note 4'), text: 'Note 4' },
    ],
    reproducible: true,
  });
  home.dataDerived = [{ text: '0 matches', after: '9 matches', interaction: 'open-tools' }];
  home.interactions.push(save);
  return model;
}

describe('a case over an effect whose text only is derived, found by words that are not', () => {
  it('checks that it appears, without the text, and says so', () => {
    const suite = generateUiSuite(toolsModel(), {});
    const tools = caseCovering(suite, 'interaction home/open-tools');
    expect(assertionsOf(tools).map(assertionText)).toEqual([
      'visible home.newJournal',
      'visible home.matches',
    ]);
    expect(tools.title).not.toMatch(/21new journal|0 matches/);
    expect(suite.skipped.map((skipped) => skipped.reason)).toEqual(
      expect.arrayContaining([
        'its text not expected exactly, only that it appears: "21new journal" holds the date or time it was shown',
        `its text not expected exactly, only that it appears: "0 matches" showed "9 matches" once the explorer's flows had created data: derived from what exists`,
        // Found by the auto-numbered text itself: nothing of it can be checked.
        'not expected exactly: "Note 4" is auto-numbered: the app numbers it after what exists',
      ]),
    );
  });
});

// A wiki whose "new" button opens an editor in place: the explorer typed "test" in the tag box
// and saved (the tag "test" appeared on the saved page), then typed "test" in the tag box again,
// where the picker now offered the existing tag "test". A fresh wiki has no such tag.
function taggingModel(): SiteModel {
  const model = structuredClone(priceCalculatorSiteModel);
  const home = model.pages.find((page) => page.id === 'home')!;
  home.elements.push(
    element('new-note', role('button', 'New note'), 'New note'),
    element('tag-name', role('textbox', 'tag name'), 'tag name', { tag: 'input', inputType: 'text' }),
    element('save-note', role('button', 'Save note'), 'Save note'),
  );
  model.flows = [{ id: 'home-new-note', page: 'home', actions: [{ kind: 'click', target: 'new-note' }] }];
  home.states = [
    {
      flow: 'home-new-note',
      reproducible: true,
      inPlace: true,
      effects: [],
      sharedLinks: [],
      interactions: [
        {
          id: 'save-tagged',
          setup: [{ kind: 'fill', target: 'tag-name', value: 'test' }],
          action: { kind: 'click', target: 'save-note' },
          effects: [appeared('test'), { kind: 'disappeared', target: role('button', 'Save note') }],
          reproducible: true,
        },
        {
          id: 'type-tag',
          setup: [],
          action: { kind: 'fill', target: 'tag-name', value: 'test' },
          effects: [
            { kind: 'appeared', target: text('test'), text: 'test' },
            { kind: 'appeared', target: text('Tagged: test, draft'), text: 'Tagged: test, draft' },
            { kind: 'appeared', target: text('No system tags found'), text: 'No system tags found' },
          ],
          reproducible: true,
        },
      ],
    },
  ];
  return model;
}

describe('texts that exist only because the explorer created them', () => {
  it('are values the explorer typed, committed and then saw shown', () => {
    expect([...explorerCreatedValues(taggingModel())]).toEqual(['test']);
    // Typed and acted on, but nothing showed the value afterwards: nothing was created with it.
    const quiet = taggingModel();
    quiet.pages[0]!.states![0]!.interactions[0]!.effects = [
      { kind: 'disappeared', target: role('button', 'Save note') },
    ];
    expect(explorerCreatedValues(quiet).size).toBe(0);
  });

  it('count only values typed with words and then acted on', () => {
    const fill = (value: string) => ({ kind: 'fill', value });
    expect([...committedValues([fill('Test'), { kind: 'click' }])]).toEqual(['test']);
    expect([...committedValues([{ kind: 'click' }, fill('test')])]).toEqual([]);
    expect([...committedValues([fill('test'), { kind: 'hover' }])]).toEqual([]);
    expect([...committedValues([fill('42'), { kind: 'press' }])]).toEqual([]);
  });

  it('match the value itself or the value as a whole word or entry', () => {
    expect(holdsValue('  Test ', 'test')).toBe(true);
    expect(holdsValue('Tagged: test, draft', 'test')).toBe(true);
    expect(holdsValue('Latest', 'test')).toBe(false);
    expect(holdsValue('testing', 'test')).toBe(false);
  });

  it('are left out of a test that only types the value, and listed with why', () => {
    const suite = generateUiSuite(taggingModel(), {});
    const typed = caseCovering(suite, 'interaction home/type-tag');
    expect(assertionsOf(typed).map(assertionText)).toEqual(['visible home.noSystemTagsFound']);
    expect(suite.skipped.map((skipped) => skipped.reason)).toEqual(
      expect.arrayContaining([
        'not expected exactly: "test" holds "test", a value the explorer typed and committed: shown because exploration created it',
        'not expected exactly: "Tagged: test, draft" holds "test", a value the explorer typed and committed: shown because exploration created it',
      ]),
    );
  });

  it('are still expected by a test that types and commits the value itself (the saved tag)', () => {
    const suite = generateUiSuite(taggingModel(), {});
    const saved = caseCovering(suite, 'interaction home/save-tagged');
    expect(assertionsOf(saved).map(assertionText)).toEqual(
      expect.arrayContaining(['visible home.testLink', 'text home.testLink = test']),
    );
  });

  it('change nothing when the explorer created no data with what it typed', () => {
    const volatile = new VolatileTexts(priceCalculatorSiteModel);
    expect(volatile.reason(appeared('test'), [])).toBeUndefined();
  });
});
