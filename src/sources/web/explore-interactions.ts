// All interactions of one page, each run on two independent fresh loads of the page at once:
// the primary observation and its replay. Only the same effects twice make an interaction
// reproducible. Elements an action revealed (the items of a menu it opened, the buttons of a
// dialog) get follow-up interactions with that action as their setup. Of a family of repeated
// controls only a sample is observed; if the family navigates, the rest are clicked once each
// just to learn where they lead.
import type { ObservedInteraction, UiAction, UiEffect } from '../../core/page-model.ts';
import { IdAllocator } from './element-ids.ts';
import type { PageDriver } from './page-driver.ts';
import { plansFor } from './plan-interactions.ts';
import type { InteractionPlan, PlanContext } from './plan-interactions.ts';
import { runInteraction } from './run-interaction.ts';
import type { InteractionOutcome } from './run-interaction.ts';

export interface InteractionLimits {
  maxInteractions: number;
  /** performance.now() after which no new interaction starts. */
  deadline: number;
}

export interface ExploredInteractions {
  interactions: ObservedInteraction[];
  problems: string[];
  /** Landmarks some interaction changed. */
  touched: Set<string>;
  /** URLs interactions navigated to, with the element that led there. */
  navigations: { url: string; via: string }[];
}

interface Drivers {
  primary: PageDriver;
  replica: PageDriver;
}

const MAX_FOLLOW_UPS_PER_ACTION = 4;
const FAMILY_SAMPLE = 3;

const signature = (effects: UiEffect[]): string =>
  JSON.stringify(effects.map((e) => JSON.stringify(e)).sort());

function describeAction(action: UiAction): string {
  return 'value' in action
    ? `${action.kind} ${action.target} = "${action.value}"`
    : `${action.kind} ${action.target}`;
}

function followUps(
  outcome: InteractionOutcome,
  plan: InteractionPlan,
  driver: PageDriver,
  context: PlanContext,
) {
  if (plan.setup.length > 0) return []; // one level is enough to open menus and dialogs
  return outcome.revealed
    .map((id) => driver.elementsById.get(id))
    .filter((element) => element !== undefined && !element.visible)
    .flatMap((element) => plansFor(element!, context, [plan.action]))
    .slice(0, MAX_FOLLOW_UPS_PER_ACTION);
}

function noteOutcome(result: ExploredInteractions, plan: InteractionPlan, outcome: InteractionOutcome): void {
  const action = describeAction(plan.action);
  if (outcome.error) result.problems.push(`${action}: ${outcome.error}`);
  for (const url of outcome.popups) result.problems.push(`${action} opened a new tab at ${url} (closed)`);
  for (const effect of outcome.effects) {
    if (effect.kind === 'url-changed' && plan.setup.length === 0) {
      result.navigations.push({ url: effect.to, via: plan.action.target });
    }
  }
}

/**
 * Clicks the rest of navigating families once each, split between the two loads; outcomes are
 * noted in plan order so the crawl that follows them stays deterministic.
 */
async function discover(
  drivers: Drivers,
  plans: InteractionPlan[],
  result: ExploredInteractions,
  deadline: number,
) {
  const outcomes: (InteractionOutcome | undefined)[] = [];
  const run = async (driver: PageDriver, parity: number): Promise<void> => {
    for (let index = parity; index < plans.length; index += 2) {
      if (performance.now() > deadline) return;
      outcomes[index] = await runInteraction(driver, plans[index]!);
    }
  };
  await Promise.all([run(drivers.primary, 0), run(drivers.replica, 1)]);
  plans.forEach((plan, index) => {
    const outcome = outcomes[index];
    if (outcome) noteOutcome(result, plan, outcome);
  });
}

export async function exploreInteractions(
  drivers: Drivers,
  plans: InteractionPlan[],
  context: PlanContext,
  limits: InteractionLimits,
): Promise<ExploredInteractions> {
  const queue = [...plans];
  const result: ExploredInteractions = {
    interactions: [],
    problems: [],
    touched: new Set(),
    navigations: [],
  };
  const families = new Map<string, { observed: number; navigates: boolean }>();
  const rest: InteractionPlan[] = [];
  const ids = new IdAllocator();
  let tried = 0;
  for (let plan = queue.shift(); plan; plan = queue.shift()) {
    if (tried >= limits.maxInteractions || performance.now() > limits.deadline) {
      const why =
        tried >= limits.maxInteractions ? `the limit of ${limits.maxInteractions}` : 'the time budget';
      result.problems.push(`${queue.length + 1} planned interactions not tried: ${why} was reached`);
      break;
    }
    const family = plan.family ? (families.get(plan.family) ?? { observed: 0, navigates: false }) : undefined;
    if (family && family.observed >= FAMILY_SAMPLE) {
      if (family.navigates) rest.push(plan);
      continue;
    }
    tried += 1;
    const [outcome, replay] = await Promise.all([
      runInteraction(drivers.primary, plan),
      // The replay starts from a fresh context, as a generated test does: an effect that only
      // happens after earlier interactions (state they left behind) is not reproducible.
      drivers.replica.reopen().then(() => runInteraction(drivers.replica, plan)),
    ]);
    noteOutcome(result, plan, outcome);
    queue.push(...followUps(outcome, plan, drivers.primary, context));
    if (family && plan.family) {
      families.set(plan.family, {
        observed: family.observed + 1,
        navigates: family.navigates || outcome.effects.some((effect) => effect.kind === 'url-changed'),
      });
    }
    if (outcome.effects.length === 0) continue;
    for (const region of outcome.touched) result.touched.add(region);
    result.interactions.push({
      id: ids.next(
        plan.action.kind,
        plan.action.target,
        ...('value' in plan.action ? [plan.action.value] : []),
      ),
      setup: plan.setup,
      action: plan.action,
      effects: outcome.effects,
      reproducible: replay.error === undefined && signature(replay.effects) === signature(outcome.effects),
    });
  }
  await discover(drivers, rest, result, limits.deadline);
  return result;
}
