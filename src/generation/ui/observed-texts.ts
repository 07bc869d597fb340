import type { PageModel, UiEffect } from '../../core/page-model.ts';

/** A text the explorer recorded on a page, and where: `heading`, `option value of region`. */
export interface RecordedText {
  text: string;
  source: string;
}

/**
 * Every text the explorer recorded on a page: the evidence an expected value may be taken from.
 * Title, headings, element names and values, the options a choice offers (values and labels, which
 * a value check compares against), its accessible text, validation messages, and what observed
 * actions and flows showed.
 */
export function observedTexts(page: PageModel): RecordedText[] {
  const effects = [
    ...page.interactions.map((interaction) => ({
      effects: interaction.effects,
      source: `observed interaction ${interaction.id}`,
    })),
    ...(page.states ?? []).flatMap((state) => [
      { effects: state.effects, source: `state after flow ${state.flow}` },
      ...state.interactions.map((interaction) => ({
        effects: interaction.effects,
        source: `observed interaction ${interaction.id} after flow ${state.flow}`,
      })),
    ]),
  ];
  return [
    { text: page.title, source: 'page title' },
    ...page.headings.map((heading) => ({ text: heading.text, source: 'heading' })),
    ...page.elements.flatMap((element) => [
      { text: element.name, source: `name of ${element.id}` },
      { text: element.value ?? '', source: `value of ${element.id}` },
      ...(element.constraints?.options ?? []).flatMap((option) => [
        { text: option.value, source: `option value of ${element.id}` },
        { text: option.label, source: `option label of ${element.id}` },
      ]),
    ]),
    { text: page.ariaSnapshot, source: 'accessible text' },
    ...page.forms.flatMap((form) =>
      form.emptySubmitMessages.map((message) => ({
        text: message.message,
        source: `validation message of ${message.field}`,
      })),
    ),
    ...effects.flatMap(({ effects: list, source }) =>
      list.flatMap(effectTexts).map((text) => ({ text, source })),
    ),
  ].filter((recorded) => recorded.text !== '');
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
