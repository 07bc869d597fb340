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

/** Something was added and nothing that was shown went away; the page stayed where it was. */
export function effectsCreate(effects: UiEffect[]): boolean {
  const added = effects.some((effect) => effect.kind === 'appeared');
  const removed = effects.some((effect) => effect.kind === 'disappeared' || effect.kind === 'url-changed');
  return added && !removed;
}

/** A reproducible type-then-Enter that created something: a flow, and worth doing twice. */
export function createsByEnter(interaction: {
  setup: UiAction[];
  action: UiAction;
  effects: UiEffect[];
  reproducible: boolean;
}): boolean {
  return (
    interaction.reproducible &&
    isTypeThenEnter(interaction.setup, interaction.action) &&
    effectsCreate(interaction.effects)
  );
}
