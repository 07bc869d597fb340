import type { UiElement } from '../../core/page-model.ts';
import type { CaseDraft } from './case-set.ts';
import { check, joinWords } from './manual-steps.ts';
import type { PageCaseContext } from './page-case-context.ts';
import { blockName, describeElement, shortText } from './page-words.ts';

// Per page and block: the key elements a visitor sees on arrival, with the values they held
// when the page was explored. Blocks shared by every page (header, navigation, footer) are
// checked once, on the first page that shows them.

export function visibilityCases(context: PageCaseContext, seenBlocks: Set<string>): CaseDraft[] {
  const byBlock = new Map<string | undefined, UiElement[]>();
  for (const element of context.page.elements.filter((candidate) => candidate.visible)) {
    byBlock.set(element.region, [...(byBlock.get(element.region) ?? []), element]);
  }
  return [...byBlock].flatMap(([block, elements]) => {
    const signature = `${block ?? ''}|${elements.map((element) => element.name).join('|')}`;
    if (seenBlocks.has(signature)) return [];
    seenBlocks.add(signature);
    const names = elements.map((element) => shortText(element.name, 40));
    const shown =
      names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : joinWords(names);
    return [
      {
        ...context.base(
          block,
          elements.map((element) => element.id),
          priorityWords(elements),
        ),
        title: `${context.name}: ${blockName(block)} displays ${shown}`,
        description: `What ${blockName(block)} of ${context.page.path} shows on arrival, as recorded on ${context.site.exploredAt.slice(0, 10)}.`,
        kind: 'visibility' as const,
        steps: [
          context.sessionStep(),
          context.openAct(),
          ...elements.map((element) => check(`Find ${describeElement(element)}`, stateOf(element))),
        ],
      },
    ];
  });
}

/** "It is visible and enabled, holding 2", "It offers SSD and HDD (SSD selected)". */
function stateOf(element: UiElement): string {
  const parts = [`It is visible${element.enabled ? '' : ' and disabled'}`];
  const options = element.constraints?.options;
  if (options && options.length > 0) {
    const selected = options.find((option) => option.value === element.value)?.label;
    parts.push(
      `offers ${joinWords(options.map((option) => option.label))}${selected ? ` with ${selected} selected` : ''}`,
    );
  } else if (element.inputType === 'radio' || element.inputType === 'checkbox') {
    parts.push(element.value === 'on' ? 'and selected' : 'and not selected');
  } else if (
    element.value !== undefined &&
    element.value !== element.name &&
    ['spinbutton', 'slider', 'textbox', 'searchbox'].includes(element.role)
  ) {
    parts.push(`holding ${element.value}`);
  }
  return parts.join(', ');
}

export function priorityWords(elements: UiElement[]): string[] {
  return elements
    .filter((element) => element.role !== 'link')
    .map((element) => `${element.name} ${element.value ?? ''}`);
}
