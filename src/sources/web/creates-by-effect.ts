// Whether typing into a text box and pressing Enter created something, judged by what the page
// did, not by the box's name: a create adds (an item, a row, a counter's text) and removes
// nothing; a filter or a search hides what was there. The same words ("Add…", "Search…") are
// used both ways by real apps, so names cannot tell them apart.
import type { UiAction, UiEffect } from '../../core/page-model.ts';

/** Typed into a box, then Enter in the same box: the shape of a create with no form. */
export function isTypeThenEnter(setup: UiAction[], action: UiAction): boolean {
  const typed = setup.at(-1);
  return (
    action.kind === 'press' &&
    action.key === 'Enter' &&
    typed?.kind === 'fill' &&
    typed.target === action.target &&
    typed.value !== ''
  );
}

/**
 * The typed text was taken in (the box emptied), something was added, and nothing that was shown
 * went away; the page stayed where it was. A search keeps its text in the box, and a "no match"
 * notice appearing is all it adds, so the emptied box is what tells the two apart.
 */
export function effectsCreate(effects: UiEffect[], typed: string): boolean {
  const consumed = effects.some(
    (effect) => effect.kind === 'value-changed' && effect.before === typed && effect.after === '',
  );
  const added = effects.some((effect) => effect.kind === 'appeared');
  const removed = effects.some((effect) => effect.kind === 'disappeared' || effect.kind === 'url-changed');
  return consumed && added && !removed;
}

/** A reproducible type-then-Enter that created something: a flow, and worth doing twice. */
export function createsByEnter(interaction: {
  setup: UiAction[];
  action: UiAction;
  effects: UiEffect[];
  reproducible: boolean;
}): boolean {
  const typed = interaction.setup.at(-1);
  return (
    interaction.reproducible &&
    isTypeThenEnter(interaction.setup, interaction.action) &&
    typed?.kind === 'fill' &&
    effectsCreate(interaction.effects, typed.value)
  );
}
