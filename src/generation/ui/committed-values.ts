import { escapeRegExp } from '../../core/plain-text.ts';
import { shownTexts } from '../../core/numbered-text.ts';
import type { SiteModel, UiAction, UiEffect } from '../../core/page-model.ts';

/** A step as far as typing goes: recorded actions and emitted step actions both fit. */
export interface TypedStep {
  kind: string;
  value?: string;
}

/**
 * Values a sequence of steps typed and then acted on (a save, Enter, a click after the fill):
 * what those steps may have created in the app. A fill that ends the sequence created nothing.
 * Only values with words count: a typed number equals too many texts an app computes itself.
 */
export function committedValues(steps: readonly TypedStep[]): Set<string> {
  const values = new Set<string>();
  steps.forEach((step, index) => {
    if (step.kind !== 'fill' || step.value === undefined || !/\p{L}{2}/u.test(step.value)) return;
    if (steps.slice(index + 1).some((later) => ACTS.has(later.kind))) values.add(normalised(step.value));
  });
  return values;
}

const ACTS = new Set(['click', 'press', 'check', 'uncheck', 'select', 'dblclick']);

/** Whether a text is the value, or holds it as a whole word or entry ("test", "Tags: test, x"). */
export function holdsValue(text: string, value: string): boolean {
  const shown = normalised(text);
  if (shown === value) return true;
  const escaped = escapeRegExp(value);
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'u').test(shown);
}

function normalised(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Values the explorer created data with: typed, acted on, and then shown by the same
 * observation outside the field (a saved tag, a new item's title). Everything the explorer does
 * afterwards may meet that data again (a tag picker offering the tag), which a fresh app lacks.
 */
export function explorerCreatedValues(model: SiteModel): Set<string> {
  const created = new Set<string>();
  for (const { steps, effects } of observedSequences(model)) {
    const texts = effects.flatMap(changedTexts);
    for (const value of committedValues(steps))
      if (texts.some((text) => holdsValue(text, value))) created.add(value);
  }
  return created;
}

/** The texts an effect shows, the new text of a changed one included. */
export function changedTexts(effect: UiEffect): string[] {
  return effect.kind === 'text-changed' ? [effect.after] : shownTexts(effect);
}

/** Every observation with all the steps that led to it: a state's flow, setup, action. */
function observedSequences(model: SiteModel): { steps: UiAction[]; effects: UiEffect[] }[] {
  const flows = new Map((model.flows ?? []).map((flow) => [flow.id, flow.actions]));
  return model.pages.flatMap((page) => [
    ...page.interactions.map((interaction) => ({
      steps: [...interaction.setup, interaction.action],
      effects: interaction.effects,
    })),
    ...(page.states ?? []).flatMap((state) => {
      const flow = flows.get(state.flow) ?? [];
      return [
        { steps: flow, effects: state.effects },
        ...state.interactions.map((interaction) => ({
          steps: [...flow, ...interaction.setup, interaction.action],
          effects: interaction.effects,
        })),
        ...state.sharedLinks.map((link) => ({ steps: [...flow, ...link.setup], effects: link.effects })),
      ];
    }),
  ]);
}
