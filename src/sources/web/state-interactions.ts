// Interactions of a page in a state, on two drivers whose every fresh load replays the flow and
// then opens the page: only what the state made visible or enabled is tried (the rest was seen
// on the fresh load). Elements the state added may be removed even when removing looks
// destructive: the flow created what they act on, in a context of the explorer's own. Share
// links found on the way are opened as a new visitor (shared-link-probe.ts).
import type { ObservedInteraction, PageModel, SharedLink, StateFlow } from '../../core/page-model.ts';
import { exploreInteractions } from './explore-interactions.ts';
import { crawlKey } from './crawl-frontier.ts';
import { stateOpener } from './flow-session.ts';
import type { PageSnapshot } from './in-page-types.ts';
import { PageDriver } from './page-driver.ts';
import type { ExplorationEnv } from './page-session.ts';
import { planInteractions } from './plan-interactions.ts';
import type { PlanContext } from './plan-interactions.ts';
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
  limits: { maxInteractions: number; deadline: number },
): Promise<StateExploration> {
  const elements = mergeStateElements(target.page, target.view.collected!, site.shared);
  const context: PlanContext = {
    elements: elements.elements,
    facts: elements.facts,
    allowDestructive: true,
    postingForms: target.view.postingForms,
  };
  const added = new Set(elements.added.map((element) => element.id));
  const plans = [
    ...planInteractions(context).filter((plan) => {
      const element = context.elements.find((candidate) => candidate.id === plan.action.target);
      return element && elements.changed.has(element.id) && (!element.destructive || added.has(element.id));
    }),
    ...hoverPlans(elements),
  ];
  // Nothing new to act on (the state only shows data): no replays needed.
  if (plans.length === 0) return { elements, interactions: [], sharedLinks: [], problems: [] };
  const open = stateOpener(env, target.flowPage, target.flow, target.page);
  const primary = new PageDriver(env, open, elements.elements);
  const replica = new PageDriver(env, open, elements.elements);
  try {
    await Promise.all([primary.reopen(), replica.reopen()]);
    const explored = await exploreInteractions({ primary, replica }, plans, context, limits);
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
    return {
      elements: withUsedHidden(elements, explored.interactions),
      interactions: explored.interactions,
      sharedLinks,
      problems: explored.problems,
    };
  } finally {
    await primary.close();
    await replica.close();
  }
}

/** Hidden added elements some interaction acted on join the added ones: tests reach them too. */
function withUsedHidden(elements: StateElements, interactions: ObservedInteraction[]): StateElements {
  const used = new Set(
    interactions.flatMap((interaction) =>
      [...interaction.setup, interaction.action].map((step) => step.target),
    ),
  );
  const hidden = elements.hiddenAdded.filter((element) => used.has(element.id));
  return { ...elements, added: [...elements.added, ...hidden] };
}
