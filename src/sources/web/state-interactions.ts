// Interactions of a page in a state, on two drivers whose every fresh load replays the flow and
// then opens the page: only what the state made visible or enabled is tried (the rest was seen
// on the fresh load). Elements the state added may be removed even when removing looks
// destructive: the flow created what they act on, in a context of the explorer's own. Controls
// shown under the pointer are pointed at (hover-plans.ts), the created item's text double-clicked
// and its editor used (edit-probe.ts). Share links found on the way are opened as a new visitor
// (shared-link-probe.ts).
import type {
  ObservedInteraction,
  PageModel,
  SharedLink,
  StateFlow,
  UiElement,
} from '../../core/page-model.ts';
import { commitPlans } from './commit-plans.ts';
import { dialogFocus } from './dialog-focus.ts';
import { createdTexts, doubleClickPlans, editPlans } from './edit-probe.ts';
import { exploreInteractions } from './explore-interactions.ts';
import { crawlKey } from './crawl-frontier.ts';
import { stateOpener } from './flow-session.ts';
import type { PageSnapshot } from './in-page-types.ts';
import { PageDriver } from './page-driver.ts';
import type { ExplorationEnv } from './page-session.ts';
import { planInteractions } from './plan-interactions.ts';
import type { InteractionPlan, PlanContext } from './plan-interactions.ts';
import { probeSharedLink } from './shared-link-probe.ts';
import { hoverPlans } from './hover-plans.ts';
import { mergeStateElements } from './state-elements.ts';
import type { StateElements } from './state-elements.ts';
import type { StateView } from './state-observation.ts';

const MAX_SHARED_LINKS = 1;

export interface StateTarget {
  flow: StateFlow;
  flowPage: PageModel;
  page: PageModel;
  view: StateView;
  /** The flow's page as the flow left it, not opened again (see PageState.inPlace). */
  inPlace?: boolean;
}

export interface StateExploration {
  elements: StateElements;
  interactions: ObservedInteraction[];
  sharedLinks: SharedLink[];
  problems: string[];
}

export async function exploreState(
  env: ExplorationEnv,
  target: StateTarget,
  site: { pages: PageModel[]; baselines: Map<string, PageSnapshot>; shared: Set<string> },
  limits: {
    maxInteractions: number;
    deadline: number;
    /** When the controls after the editor's own create stop: time kept for what the caller does next. */
    restDeadline?: number;
  },
): Promise<StateExploration> {
  const elements = mergeStateElements(target.page, target.view.collected!, site.shared);
  const context: PlanContext = {
    elements: elements.elements,
    facts: elements.facts,
    allowDestructive: true,
    postingForms: target.view.postingForms,
  };
  const focus = dialogFocus(elements.added, elements.facts);
  const added = new Set(elements.added.filter(focus).map((element) => element.id));
  // Typed into and committed first: the editor's own create, before its many other controls.
  const commits = commitPlans(context, added);
  const others = planInteractions(context).filter((plan) => {
    const element = context.elements.find((candidate) => candidate.id === plan.action.target);
    return (
      element &&
      focus(element) &&
      elements.changed.has(element.id) &&
      (!element.destructive || added.has(element.id))
    );
  });
  const planned = [...commits, ...others];
  const taken = new Set(elements.elements.map((element) => element.id));
  const texts = createdTexts(target.flow, target.view.effects, taken);
  // Nothing new to act on (the state only shows data): no replays needed.
  if (planned.length === 0 && texts.length === 0 && elements.hiddenAdded.length === 0)
    return { elements, interactions: [], sharedLinks: [], problems: [] };
  const open = stateOpener(env, target.flowPage, target.flow, target.page, target.inPlace);
  const primary = new PageDriver(env, open, elements.elements);
  const replica = new PageDriver(env, open, elements.elements);
  const described: UiElement[] = [];
  const describe = (more: UiElement[]): void => {
    described.push(...more);
    context.elements.push(...more);
    for (const element of more)
      for (const driver of [primary, replica]) driver.elementsById.set(element.id, element);
  };
  try {
    await Promise.all([primary.reopen(), replica.reopen()]);
    describe(texts);
    const probes = [...(await hoverPlans(primary.page, elements)), ...doubleClickPlans(texts)];
    // The create in a round of its own: the rest stop at `restDeadline`, the caller's time for
    // whether the create lasts a reload (persistence-probe.ts).
    const explored = await exploreInteractions({ primary, replica }, commits, context, {
      maxInteractions: Math.min(commits.length, limits.maxInteractions),
      deadline: limits.deadline,
    });
    const restLimits = {
      maxInteractions: limits.maxInteractions - explored.interactions.length,
      deadline: limits.restDeadline ?? limits.deadline,
    };
    const rest = await exploreInteractions({ primary, replica }, others, context, restLimits);
    described.push(...explored.rendered, ...rest.rendered);
    explored.problems.push(...rest.problems);
    explored.links.push(...rest.links);
    addRenumbered(explored.interactions, rest.interactions);
    const sharedLinks: SharedLink[] = [];
    for (const link of explored.links.slice(0, MAX_SHARED_LINKS)) {
      if (performance.now() > limits.deadline) break;
      const opens = site.pages.find((page) => crawlKey(page.url) === crawlKey(link.url));
      const baseline = opens && site.baselines.get(opens.id);
      if (!opens || !baseline) continue;
      const plan = { setup: link.setup, holder: link.holder, opens, baseline };
      const [trip, again] = await Promise.all([
        probeSharedLink(primary, plan, site.shared, true),
        probeSharedLink(replica, plan, site.shared, false),
      ]);
      if (trip.error) explored.problems.push(`share link ${link.holder}: ${trip.error}`);
      if (trip.effects.length === 0) continue;
      sharedLinks.push({
        setup: link.setup,
        holder: link.holder,
        opens: opens.id,
        effects: trip.effects,
        reproducible: again.error === undefined && again.signature === trip.signature,
      });
    }
    // The item's own controls (pointer-revealed, edited in place) get rounds and budgets of their
    // own, after the rest: what a page offered before keeps all it had.
    const more = async (plans: InteractionPlan[]): Promise<void> => {
      if (plans.length === 0 || performance.now() > limits.deadline) return;
      const budget = { maxInteractions: 2 * plans.length, deadline: limits.deadline };
      const found = await exploreInteractions({ primary, replica }, plans, context, budget);
      described.push(...found.rendered);
      addRenumbered(explored.interactions, found.interactions);
      explored.problems.push(...found.problems);
    };
    await more(probes);
    const edits = editPlans(explored.interactions, texts, taken);
    describe(edits.elements);
    await more(edits.plans);
    return {
      elements: withUsed(elements, described, explored.interactions),
      interactions: explored.interactions,
      sharedLinks,
      problems: explored.problems,
    };
  } finally {
    await primary.close();
    await replica.close();
  }
}

/**
 * Hidden added elements and the ones described here (an item's text, its editor) join the added
 * ones when some interaction acted on them: tests reach them too.
 */
function withUsed(
  elements: StateElements,
  described: UiElement[],
  interactions: ObservedInteraction[],
): StateElements {
  const used = new Set(
    interactions.flatMap((interaction) =>
      [...interaction.setup, interaction.action].map((step) => step.target),
    ),
  );
  const more = [...elements.hiddenAdded, ...described].filter((element) => used.has(element.id));
  return { ...elements, added: [...elements.added, ...more] };
}

/** Interactions of a later round, after those found so far: each round numbers its own ids. */
function addRenumbered(found: ObservedInteraction[], more: ObservedInteraction[]): void {
  const ids = new Set(found.map((interaction) => interaction.id));
  for (const interaction of more) {
    let id = interaction.id;
    for (let suffix = 2; ids.has(id); suffix += 1) id = `${interaction.id}-r${suffix}`;
    ids.add(id);
    found.push({ ...interaction, id });
  }
}
