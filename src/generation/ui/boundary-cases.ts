import type { ObservedInteraction, PageModel, UiElement } from '../../core/page-model.ts';
import type { UiTestCase } from '../../core/ui-test-case.ts';
import { actStep, arrangeStep, assertStep, slug, uiCase } from './case-steps.ts';
import { boundaryInteraction, valueAtLimit } from './boundary-values.ts';
import type { Boundary } from './boundary-values.ts';
import { absenceAssertions } from './effect-assertions.ts';
import { observedCase } from './observed-case.ts';
import { resolveActions, stepAction } from './resolve-actions.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

interface Observed {
  interaction: ObservedInteraction;
  element: UiElement;
  boundary: Boundary;
}

/**
 * Limits the page declares and the explorer tried: the observed values (at the limit accepted,
 * past it rejected with the observed message), plus the accepted limit itself when only its
 * rejected neighbour was observed.
 */
export function boundaryCases(context: UiGenerationContext, page: PageModel): UiTestCase[] {
  const observed = observedBoundaries(context, page);
  const cases: UiTestCase[] = [];
  for (const entry of observed) {
    const built = observedCase(context, page, entry.interaction, {
      kind: 'boundary',
      priority: 'normal',
      lead: () => boundaryLead(entry.element, fillValue(entry.interaction), entry.boundary),
    });
    if (built.ok) cases.push(built.testCase);
    else context.skip(`boundary ${page.id}/${entry.interaction.id}`, built.reason);
  }
  for (const entry of observed.filter((candidate) => needsAcceptedLimit(candidate, observed))) {
    const accepted = acceptedLimitCase(context, page, entry);
    if (accepted) cases.push(accepted);
  }
  return cases;
}

/** Interactions that boundary cases claim (other families leave them alone). */
export function isBoundaryInteraction(
  context: UiGenerationContext,
  page: PageModel,
  interaction: ObservedInteraction,
): boolean {
  if (interaction.action.kind !== 'fill') return false;
  return boundaryInteraction(context.element(page.id, interaction.action.target), interaction) !== undefined;
}

function observedBoundaries(context: UiGenerationContext, page: PageModel): Observed[] {
  return page.interactions.flatMap((interaction) => {
    if (interaction.action.kind !== 'fill') return [];
    const element = context.element(page.id, interaction.action.target);
    const boundary = boundaryInteraction(element, interaction);
    return element && boundary ? [{ interaction, element, boundary }] : [];
  });
}

function needsAcceptedLimit(entry: Observed, all: Observed[]): boolean {
  if (entry.boundary.side !== 'beyond' || !entry.interaction.reproducible) return false;
  return !all.some(
    (other) =>
      other.element.id === entry.element.id &&
      other.boundary.bound === entry.boundary.bound &&
      other.boundary.side === 'at',
  );
}

function acceptedLimitCase(
  context: UiGenerationContext,
  page: PageModel,
  entry: Observed,
): UiTestCase | undefined {
  const what = `boundary ${page.id}/${entry.element.id} at ${entry.boundary.bound}`;
  const setup = resolveActions(context, page.id, [...entry.interaction.setup, entry.interaction.action]);
  if (!setup.ok) return context.skip(what, setup.reason);
  const value = valueAtLimit(entry.boundary, fillValue(entry.interaction));
  const absences = entry.interaction.effects.flatMap((effect) =>
    absenceAssertions(context, setup.page, effect),
  );
  if (absences.length === 0) return context.skip(what, 'nothing observed on rejection can be checked absent');
  const replay = setup.actions.slice(0, -1).map((resolved) => stepAction(context, resolved));
  const fill = stepAction(context, {
    ...setup.actions.at(-1)!,
    recorded: { kind: 'fill', target: entry.element.id, value },
  });
  const target = fill.action.kind === 'fill' ? fill.action.target : undefined;
  const message = rejectionMessage(entry.interaction);
  return uiCase({
    id: `${page.id}-boundary-${slug(`${entry.element.id} at ${entry.boundary.bound}`)}`,
    title: `${boundaryLead(entry.element, value, { ...entry.boundary, side: 'at' })}${message ? ` without "${message}"` : ' and stays valid'}`,
    kind: 'boundary',
    page: page.id,
    priority: 'normal',
    steps: [
      arrangeStep(page, replay),
      actStep([fill]),
      assertStep([...(target ? [{ kind: 'value' as const, target, value }] : []), ...absences]),
    ],
    covers: [`boundary ${page.id}/${entry.element.id} ${entry.boundary.bound} ${entry.boundary.limit}`],
  });
}

function boundaryLead(element: UiElement, value: string, boundary: Boundary): string {
  const verb = boundary.side === 'at' ? 'accepts' : 'rejects';
  const shown = boundary.bound.endsWith('length') ? `${value.length} characters` : value;
  return `${element.name} ${verb} ${shown} (${boundary.bound} ${boundary.limit})`;
}

function rejectionMessage(interaction: ObservedInteraction): string | undefined {
  for (const effect of interaction.effects) if (effect.kind === 'appeared' && effect.text) return effect.text;
  return undefined;
}

function fillValue(interaction: ObservedInteraction): string {
  return interaction.action.kind === 'fill' ? interaction.action.value : '';
}
