import { renumbered, shownTexts } from '../../core/numbered-text.ts';
import { holdsRelativeTime } from '../../core/relative-time.ts';
import type { SiteModel, UiEffect } from '../../core/page-model.ts';
import { changedTexts, committedValues, explorerCreatedValues, holdsValue } from './committed-values.ts';
import type { TypedStep } from './committed-values.ts';

/**
 * Texts an app derives from what already exists or from the clock, not from a test's own steps:
 * a test that expects them exactly fails on the next run of the same build. Three kinds are
 * recognised:
 * - data-derived: the explorer ran the interaction again once its flows had created data, and
 *   the number changed ("0 matches", then "2 matches"; see sources/web/data-derived-texts.ts);
 * - auto-numbered: one observation (an interaction's effects, or what a state showed) held the
 *   same words with two numbers, "New Tiddler 4" saved while "Draft of 'New Tiddler 5'" went
 *   away: the app numbers new things after those already there, which earlier runs leave behind;
 *   or a flow and what followed it in its states showed its item once unnumbered and once
 *   numbered ("Draft of 'New Tiddler'" on a fresh load, "Draft of 'New Tiddler 4'" in the state);
 * - clock-derived: a time of day ("at 7:19pm", "14:05"), a relative time ("2 hours ago"), the year of the exploration next to a
 *   month ("4th December 2026"): a save stamped with the time it happened; or the day of the
 *   month of the exploration glued to a word ("7new journal" on the 7th: a calendar icon's text
 *   read with its button's label);
 * - explorer-made: a value the explorer typed and committed (a tag saved as "test"), shown again
 *   by a test whose own steps never commit it (typing "test" in the tag box, the picker offers the
 *   tag "test"): it exists only because exploration created it. A test that commits the value
 *   itself and sees it echoed (the saved tag) may expect it.
 * Values computed from the test's own input (a price after a choice) change as the text of one
 * element, before → after, and are not among the numbered texts compared here; nor are texts of
 * different observations (each field's own range message).
 */
export class VolatileTexts {
  readonly #autoNumbered = new Set<string>();
  /** Numbered texts seen changing once the explorer's flows had created data, with what they became. */
  readonly #derived = new Map<string, string>();
  readonly #year: string;
  /**
   * The exploration's day of the month (in UTC and here) opening a text glued to a whole word
   * ("7new journal" on the 7th), or written as an ordinal ("21st"). Not a digit anywhere among
   * letters: "H2O", or a share code's "…Qa7".
   */
  readonly #day: RegExp;
  /** Values the explorer typed, committed and then saw shown: data it created. */
  readonly #created: Set<string>;

  constructor(model: SiteModel) {
    for (const observation of model.pages.flatMap(observations)) {
      const numbered = [...new Set(observation.flatMap(shownTexts))].filter((text) => /\d/.test(text));
      for (const text of numbered)
        if (numbered.some((other) => renumbered(text, other) || renumbered(other, text)))
          this.#autoNumbered.add(text);
    }
    for (const observed of model.pages.flatMap((page) => flowObservations(model, page))) {
      const texts = [...new Set(observed.flatMap(shownTexts))];
      const plain = new Set(texts.filter((text) => !/\d/.test(text)));
      for (const text of texts)
        if (/\d/.test(text) && /\p{L}{2}/u.test(text) && plain.has(withoutNumbers(text)))
          this.#autoNumbered.add(text);
    }
    for (const seen of model.pages.flatMap((page) => page.dataDerived ?? []))
      this.#derived.set(seen.text, seen.after);
    const exploredAt = new Date(model.exploredAt);
    this.#year = String(exploredAt.getUTCFullYear());
    const days = [...new Set([exploredAt.getUTCDate(), exploredAt.getDate()])].join('|');
    this.#day = new RegExp(`^(?:${days})(?=\\p{L}{2,}(?:\\s|$))|(?:^|\\s)(?:${days})(?:st|nd|rd|th)\\b`, 'u');
    this.#created = explorerCreatedValues(model);
  }

  /**
   * Why this effect's text cannot be expected exactly, or undefined when it can. `own` are the
   * steps of the test up to the check: what it typed and committed itself may be expected.
   */
  reason(effect: UiEffect, own: readonly TypedStep[] = []): string | undefined {
    const made = this.#explorerMade(effect, own);
    if (made) return made;
    for (const text of shownTexts(effect)) {
      const after = this.#derived.get(text);
      if (after !== undefined)
        return `"${text}" showed "${after}" once the explorer's flows had created data: derived from what exists`;
      if (this.#autoNumbered.has(text))
        return `"${text}" is auto-numbered: the app numbers it after what exists`;
      if (this.#clockDerived(text)) return `"${text}" holds the date or time it was shown`;
    }
    return undefined;
  }

  #explorerMade(effect: UiEffect, own: readonly TypedStep[]): string | undefined {
    if (this.#created.size === 0) return undefined;
    const committed = committedValues(own);
    for (const text of changedTexts(effect))
      for (const value of this.#created)
        if (!committed.has(value) && holdsValue(text, value))
          return `"${text}" holds "${value}", a value the explorer typed and committed: shown because exploration created it`;
    return undefined;
  }

  #clockDerived(text: string): boolean {
    if (holdsRelativeTime(text)) return true; // "Updated 7 minutes ago"
    if (/\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?\b/i.test(text)) return true;
    return (text.includes(this.#year) && MONTH.test(text)) || this.#day.test(text);
  }
}

const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b/i;

/** The text with its numbers, and the space before each, taken out: "Note 4" → "Note". */
function withoutNumbers(text: string): string {
  return text.replace(/\s*\d+/g, '').trim();
}

/**
 * Per state: the effects of the interaction its flow was taken from, with all the state and its
 * interactions showed. The same item, numbered once and not once, was numbered by the app.
 */
function flowObservations(model: SiteModel, page: SiteModel['pages'][number]): UiEffect[][] {
  const flows = new Map((model.flows ?? []).map((flow) => [flow.id, flow]));
  return (page.states ?? []).map((state) => {
    const flow = flows.get(state.flow);
    const actions = JSON.stringify(flow?.actions);
    const flowPage = model.pages.find((candidate) => candidate.id === flow?.page);
    const flowInteraction = flowPage?.interactions.find(
      (interaction) => JSON.stringify([...interaction.setup, interaction.action]) === actions,
    );
    return [
      ...(flowInteraction?.effects ?? []),
      ...state.effects,
      ...state.interactions.flatMap((interaction) => interaction.effects),
    ];
  });
}

/** The effects of each single observation on a page: each interaction, each state. */
function observations(page: SiteModel['pages'][number]): UiEffect[][] {
  return [
    ...page.interactions.map((interaction) => interaction.effects),
    ...(page.states ?? []).flatMap((state) => [
      state.effects,
      ...state.interactions.map((interaction) => interaction.effects),
      ...state.sharedLinks.map((link) => link.effects),
    ]),
  ];
}
