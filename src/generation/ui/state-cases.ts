import type { PageModel, PageState, SharedLink } from '../../core/page-model.ts';
import type { UiTestCase } from '../../core/ui-test-case.ts';
import { actStep, arrangeStep, assertStep, slug, titleWithMore, uiCase } from './case-steps.ts';
import { describeEffect, describeLocator, describePage } from './describe.ts';
import { checkableEffects, checkablePart, effectAssertions } from './effect-assertions.ts';
import { flowStart } from './flow-start.ts';
import type { FlowStart } from './flow-start.ts';
import { observedCase } from './observed-case.ts';
import { resolveActions, stepAction } from './resolve-actions.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/**
 * Per state of a page (a flow run first, on its own page): what the page then shows, each
 * interaction the state opened up (remove the item the flow added), and each share link it hands
 * out, opened as a new visitor.
 */
export function stateCases(context: UiGenerationContext, page: PageModel): UiTestCase[] {
  const cases: UiTestCase[] = [];
  for (const state of page.states ?? []) {
    const what = `state ${page.id}/${state.flow}`;
    const started = flowStart(context, state.flow);
    if (!started.ok) {
      context.skip(what, started.reason);
      continue;
    }
    const { start } = started;
    // In place, what the page shows is the flow's own effects, which its start step checks.
    const shown = state.inPlace ? undefined : shownCase(context, page, state, start);
    if (shown) cases.push(shown);
    for (const interaction of state.interactions) {
      const spec = {
        kind: 'state' as const,
        start,
        inPlace: state.inPlace === true,
        reloaded: state.reloaded === true,
      };
      const built = observedCase(context, page, interaction, spec);
      if (built.ok) cases.push(built.testCase);
      else context.skip(`${what} interaction ${interaction.id}`, built.reason);
    }
    for (const link of state.inPlace ? [] : state.sharedLinks) {
      const built = sharedLinkCase(context, page, link, start);
      if (built) cases.push(built);
    }
  }
  return cases;
}

function shownCase(
  context: UiGenerationContext,
  page: PageModel,
  state: PageState,
  start: FlowStart,
): UiTestCase | undefined {
  const what = `state ${page.id}/${state.flow}`;
  if (!state.reproducible) return context.skip(what, 'what the page showed was not reproducible');
  const own = start.actions.map((step) => step.recorded);
  const assertions = checkableEffects(context, state.effects, own).flatMap((effect) =>
    effectAssertions(context, page.id, effect),
  );
  if (assertions.length === 0) return context.skip(what, 'nothing it showed can be checked');
  const checks = state.effects
    .flatMap((effect) => checkablePart(context, effect, own) ?? [])
    .map((effect) => describeEffect(effect, (url) => context.pathOf(url)));
  const reloaded = state.reloaded === true;
  const shows = reloaded
    ? `once saved and reloaded, ${describePage(page)} still shows it`
    : `${describePage(page)} shows it`;
  return uiCase({
    id: `${page.id}-state-${start.slug}${reloaded ? '-reloaded' : ''}`,
    title: titleWithMore(`${start.label}, ${shows}`, checks[0]!, checks.length - 1),
    kind: 'state',
    page: page.id,
    priority: 'critical',
    steps: [start.step, arrangeStep(page, [], reloaded), assertStep(assertions)],
    covers: [`state ${page.id}/${state.flow}`],
  });
}

function sharedLinkCase(
  context: UiGenerationContext,
  page: PageModel,
  link: SharedLink,
  start: FlowStart,
): UiTestCase | undefined {
  const what = `shared link ${page.id}/${link.holder}`;
  if (!link.reproducible) return context.skip(what, 'what the link opened was not reproducible');
  const setup = resolveActions(context, page.id, link.setup);
  if (!setup.ok) return context.skip(what, setup.reason);
  const holder = context.element(setup.page, link.holder);
  if (!holder || !context.page(link.opens))
    return context.skip(what, 'the link or the page it opens is not in the model');
  const own = [...start.actions, ...setup.actions].map((step) => step.recorded);
  const assertions = checkableEffects(context, link.effects, own).flatMap((effect) =>
    effectAssertions(context, link.opens, effect),
  );
  if (assertions.length === 0) return context.skip(what, 'nothing the link restored can be checked');
  const target = context.elementTarget(setup.page, holder);
  const open = {
    action: { kind: 'open-shared' as const, target, page: link.opens },
    description: `open the link in ${describeLocator(holder.locator)} as a new visitor`,
  };
  const checks = link.effects
    .flatMap((effect) => checkablePart(context, effect, own) ?? [])
    .map((effect) => describeEffect(effect, (url) => context.pathOf(url)));
  return uiCase({
    id: `${page.id}-state-${start.slug}-${slug(`shared ${link.holder}`)}`,
    title: titleWithMore(
      `${start.label}, the link in ${describeLocator(holder.locator)} restores it`,
      checks[0]!,
      checks.length - 1,
    ),
    kind: 'state',
    page: page.id,
    priority: 'critical',
    steps: [
      start.step,
      arrangeStep(
        page,
        setup.actions.map((resolved) => stepAction(context, resolved)),
      ),
      actStep([open]),
      assertStep(assertions),
    ],
    covers: [`shared link ${page.id}/${link.holder} → ${link.opens}`],
  });
}
