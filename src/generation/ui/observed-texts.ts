import type { PageModel, UiEffect } from '../../core/page-model.ts';

/**
 * Every text the explorer recorded on a page: the evidence an expected value may be taken from.
 * Title, headings, element names and values, its accessible text, validation messages, and what
 * observed actions and flows showed.
 */
export function observedTexts(page: PageModel): string[] {
  const effects = [
    ...page.interactions.flatMap((interaction) => interaction.effects),
    ...(page.states ?? []).flatMap((state) => [
      ...state.effects,
      ...state.interactions.flatMap((interaction) => interaction.effects),
    ]),
  ];
  return [
    page.title,
    ...page.headings.map((heading) => heading.text),
    ...page.elements.flatMap((element) => [element.name, element.value ?? '']),
    page.ariaSnapshot,
    ...page.forms.flatMap((form) => form.emptySubmitMessages.map((message) => message.message)),
    ...effects.flatMap(effectTexts),
  ].filter((text) => text !== '');
}

function effectTexts(effect: UiEffect): string[] {
  switch (effect.kind) {
    case 'text-changed':
    case 'value-changed':
      return [effect.before, effect.after];
    case 'appeared':
      return effect.text ? [effect.text] : [];
    case 'dialog':
      return [effect.message];
    default:
      return [];
  }
}
