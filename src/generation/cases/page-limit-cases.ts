import type { ManualStep } from '../../core/manual-case.ts';
import type { ObservedInteraction, UiElement } from '../../core/page-model.ts';
import type { CaseDraft } from './case-set.ts';
import { act, check, joinWords } from './manual-steps.ts';
import type { PageCaseContext } from './page-case-context.ts';
import { describeEffect, describeElement } from './page-words.ts';

// Limits recorded on fields (min/max, maxLength) become boundary cases: the maximum and the
// minimum accepted, one past each rejected ("max 99 → 99 accepted, 100 rejected, 1 the
// minimum"). When exploration tried that very value, its observed effects are the expected
// result and that interaction is not repeated as a case of its own.

interface Edge {
  value: number;
  accepted: boolean;
  why: string;
}

export function limitCases(context: PageCaseContext, consumed: Set<string>): CaseDraft[] {
  return limitedFields(context.page.elements).flatMap((field) =>
    edgesOf(field).map((edge) => edgeCase(context, field, edge, consumed)),
  );
}

/** Number and range inputs with bounds; a slider is skipped when a number box of the same name exists. */
function limitedFields(elements: UiElement[]): UiElement[] {
  const bounded = elements.filter(
    (element) =>
      element.visible &&
      (element.constraints?.max !== undefined || element.constraints?.maxLength !== undefined),
  );
  return bounded.filter(
    (element) =>
      element.role !== 'slider' ||
      !bounded.some((other) => other.role !== 'slider' && other.name === element.name),
  );
}

function edgesOf(field: UiElement): Edge[] {
  const constraints = field.constraints!;
  if (constraints.maxLength !== undefined)
    return [
      { value: constraints.maxLength, accepted: true, why: 'maximum length' },
      {
        value: constraints.maxLength + 1,
        accepted: false,
        why: `above the maximum length ${constraints.maxLength}`,
      },
    ];
  const max = Number(constraints.max);
  const min = constraints.min !== undefined ? Number(constraints.min) : undefined;
  const step = Number(constraints.step ?? 1) || 1;
  const slider = field.role === 'slider';
  const edges: Edge[] = [{ value: max, accepted: true, why: 'maximum' }];
  if (!slider) edges.push({ value: max + step, accepted: false, why: `above the maximum ${max}` });
  if (min !== undefined && min !== max) edges.push({ value: min, accepted: true, why: 'minimum' });
  if (min !== undefined && !slider)
    edges.push({ value: min - step, accepted: false, why: `below the minimum ${min}` });
  return edges.filter((edge) => Number.isFinite(edge.value));
}

function edgeCase(context: PageCaseContext, field: UiElement, edge: Edge, consumed: Set<string>): CaseDraft {
  const typed = field.constraints?.maxLength !== undefined ? 'a'.repeat(edge.value) : String(edge.value);
  const observed = context.page.interactions.find(
    (interaction) =>
      interaction.action.kind === 'fill' &&
      interaction.action.target === field.id &&
      interaction.action.value === typed,
  );
  if (observed) consumed.add(observed.id);
  const shown = field.constraints?.maxLength !== undefined ? `${edge.value} characters` : typed;
  const { expected, checks } = observed
    ? fromObservation(context, observed)
    : expectation(context, field, shown, edge.accepted);
  const verb = field.role === 'slider' ? 'Move' : 'Enter';
  return {
    ...context.base(field.region, [field.id], [field.name, expected]),
    title: `${context.name}: "${field.name}" ${shown} is ${edge.accepted ? 'accepted' : 'rejected'} (${edge.why})`,
    description: `Boundary of ${describeElement(field)} (${describeLimits(field)})${observed ? '; expected results as observed during exploration' : ''}.`,
    kind: 'boundary',
    steps: [
      ...context.openSteps(),
      act(
        `${verb} ${field.role === 'slider' ? `${describeElement(field)} to ${shown}` : `${typed.length > 20 ? `a text of ${shown}` : shown} in ${describeElement(field)}`}`,
        expected,
      ),
      ...checks,
    ],
  };
}

function fromObservation(
  context: PageCaseContext,
  observed: ObservedInteraction,
): { expected: string; checks: ManualStep[] } {
  const effects = observed.effects.map((effect) => describeEffect(effect, context.page));
  return {
    expected: joinWords(effects.slice(0, 2)),
    checks: effects.map((effect) => check('Check the page', effect)),
  };
}

function expectation(
  context: PageCaseContext,
  field: UiElement,
  shown: string,
  accepted: boolean,
): { expected: string; checks: ManualStep[] } {
  const target = describeElement(field);
  if (accepted)
    return {
      expected: `${shown} is accepted without a validation message`,
      checks: [check(`Check ${target}`, `It holds ${shown} and is not marked invalid`)],
    };
  const message = context.page.forms
    .flatMap((form) => form.emptySubmitMessages)
    .find((entry) => entry.field === field.id)?.message;
  const said = message ? `the message "${message}" appears` : 'a validation message appears';
  return {
    expected: `${shown} is rejected: ${said}`,
    checks: [
      check(`Check ${target}`, `It is marked invalid and ${said}`),
      check('Check the rest of the page', 'Nothing is calculated or submitted for the rejected value'),
    ],
  };
}

function describeLimits(field: UiElement): string {
  const c = field.constraints!;
  if (c.maxLength !== undefined) return `at most ${c.maxLength} characters`;
  return `from ${c.min ?? '—'} to ${c.max}${c.step && c.step !== '1' ? ` in steps of ${c.step}` : ''}`;
}
