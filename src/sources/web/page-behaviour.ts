// A page's behaviour: its interactions, each run on the primary load and on a replica (a
// second fresh load, for reproducibility), then what needs the initial state: stable regions
// and the forms' empty-submit messages. A page that never settled gets none of this: effects
// seen on a page that keeps changing could not be told apart from its own churn.
import type { PageModel } from '../../core/page-model.ts';
import type { CollectedForm } from './collect-forms.ts';
import { exploreInteractions } from './explore-interactions.ts';
import type { ExploredInteractions, InteractionLimits } from './explore-interactions.ts';
import { probeForms, stableRegionsOf } from './fresh-load-checks.ts';
import { snapshotLandmarks } from './page-facts.ts';
import type { PageDriver } from './page-driver.ts';
import type { PageSession } from './page-session.ts';
import type { InteractionPlan, PlanContext } from './plan-interactions.ts';

export type Behaviour = ExploredInteractions & {
  stableRegions: PageModel['stableRegions'];
  forms: PageModel['forms'];
};

export interface BehaviourInput {
  primary: PageDriver;
  replica: PageDriver;
  /** The replica's load, started early; undefined when there is nothing to replay. */
  replicaLoad: Promise<PageSession> | undefined;
  plans: InteractionPlan[];
  context: PlanContext;
  forms: CollectedForm[];
  landmarks: { role: string; name: string }[];
  landmarksAtLoad: Awaited<ReturnType<typeof snapshotLandmarks>>;
  limits: InteractionLimits;
}

export function unsettled(forms: CollectedForm[]): Behaviour {
  return {
    interactions: [],
    problems: ['the page never settled: its interactions were not explored'],
    touched: new Set(),
    navigations: [],
    links: [],
    rendered: [],
    stableRegions: [],
    forms: forms.map((form) => form.form),
  };
}

const nothingExplored = (): ExploredInteractions => ({
  interactions: [],
  problems: [],
  touched: new Set(),
  navigations: [],
  links: [],
  rendered: [],
});

export async function exploreBehaviour(input: BehaviourInput): Promise<Behaviour> {
  let explored = nothingExplored();
  // Without interactions nothing changes during exploration: the load's snapshots stand.
  let landmarksElsewhere = input.landmarksAtLoad;
  if (input.replicaLoad) {
    await input.replica.adoptFresh(await input.replicaLoad);
    landmarksElsewhere = await snapshotLandmarks(input.replica.page, input.landmarks);
    const drivers = { primary: input.primary, replica: input.replica };
    explored = await exploreInteractions(drivers, input.plans, input.context, input.limits);
  }
  const probed = await probeForms(input.primary, input.forms, input.context.allowDestructive);
  return {
    ...explored,
    problems: [...explored.problems, ...probed.problems],
    stableRegions: stableRegionsOf(input.landmarksAtLoad, landmarksElsewhere, explored.touched),
    forms: probed.forms,
  };
}
