// All interactions of one page, each run on two independent loads of the page at once (both
// brought back to their initial state between interactions, or loaded afresh): the primary
// observation and its replay. Only the same changes twice make an interaction reproducible. Elements an action revealed (the items of a menu it opened, the buttons of a
// dialog, whether hidden at load or rendered only then) get follow-up interactions with that
// action as their setup, and so do a few probes
// (see probe-plans.ts): closing a popup with Escape, creating twice, a filter within a choice.
// Of a family of repeated controls only a sample is observed; if the family navigates, the
// rest are clicked once each just to learn where they lead.
import type { ObservedInteraction, UiAction, UiElement } from '../../core/page-model.ts';
import { IdAllocator } from './element-ids.ts';
import type { PageDriver } from './page-driver.ts';
import { opensCreate } from './creating-controls.ts';
import { plansFor } from './plan-interactions.ts';
import type { InteractionPlan, PlanContext } from './plan-interactions.ts';
import { comboPlans, dismissalPlan, repeatPlan } from './probe-plans.ts';
import type { Observed } from './probe-plans.ts';
import { RenderedControls } from './rendered-controls.ts';
import { runInteraction } from './run-interaction.ts';
import { frameKey } from './site-frame.ts';
import type { SiteFrame } from './site-frame.ts';
import type { InteractionOutcome } from './run-interaction.ts';

export interface InteractionLimits {
  maxInteractions: number;
  /** performance.now() after which no new interaction starts. */
  deadline: number;
  /**
   * An earlier deadline, once an interaction that opens a create (a "New …" control, tried first)
   * was found reproducible: the flows after the crawl replay that create, fill it and probe what
   * it made (a reload, its remove, its edit), worth more than this page's other fresh-load
   * controls. For a start page that may use the whole crawl's share (a single-page app).
   */
  createFoundDeadline?: number;
  /** The site's frame and this page's id: frame interactions another page tried are skipped. */
  frame?: { frame: SiteFrame; page: string };
}

export interface ExploredInteractions {
  interactions: ObservedInteraction[];
  problems: string[];
  /** Landmarks some interaction changed. */
  touched: Set<string>;
  /** URLs interactions navigated to, with the element that led there. */
  navigations: { url: string; via: string }[];
  /** Same-origin URLs reproducible interactions put into a field (share links), and how. */
  links: { setup: UiAction[]; holder: string; url: string }[];
  /**
   * Controls an action rendered that the page did not have at load, which an interaction here
   * acts on: not visible on arrival, reached through that interaction's setup.
   */
  rendered: UiElement[];
}

interface Drivers {
  primary: PageDriver;
  replica: PageDriver;
}

const MAX_FOLLOW_UPS_PER_ACTION = 4;
const FAMILY_SAMPLE = 3;
// Probes per page: each asks one more question of what was seen, so a few are plenty.
const MAX_DISMISSALS = 2;
const MAX_REPEATS = 1;
const MAX_COMBOS = 2;

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
  given: PlanContext,
  limits: InteractionLimits,
): Promise<ExploredInteractions> {
  const queue = [...plans];
  const result: ExploredInteractions = {
    interactions: [],
    problems: [],
    touched: new Set(),
    navigations: [],
    links: [],
    rendered: [],
  };
  // A copy: controls actions render join it, and the caller's page keeps only those acted on.
  const context = { ...given, elements: [...given.elements], facts: new Map(given.facts) };
  const elements = new Map(context.elements.map((element) => [element.id, element]));
  const rendered = new RenderedControls(context, elements, [drivers.primary, drivers.replica]);
  const families = new Map<string, { observed: number; navigates: boolean }>();
  const rest: InteractionPlan[] = [];
  const ids = new IdAllocator();
  const observed: Observed[] = [];
  const probes = new ProbeBudget();
  let tried = 0;
  const started = performance.now();
  let combined = false;
  let inFrame = 0;
  let deadline = limits.deadline;
  let createFound = false;
  for (let plan = queue.shift(); plan; plan = queue.shift() ?? combine()) {
    if (tried >= limits.maxInteractions || performance.now() > deadline) {
      const why =
        tried >= limits.maxInteractions
          ? `the limit of ${limits.maxInteractions} was reached`
          : createFound && deadline < limits.deadline
            ? "the page's share of the time budget went to the create it found, replayed after the crawl"
            : 'the time budget was reached';
      result.problems.push(`${queue.length + 1} planned interactions not tried: ${why}`);
      break;
    }
    const family = plan.family ? (families.get(plan.family) ?? { observed: 0, navigates: false }) : undefined;
    if (family && family.observed >= FAMILY_SAMPLE) {
      if (family.navigates) rest.push(plan);
      continue;
    }
    const key = limits.frame ? frameKey(plan, elements) : undefined;
    if (key !== undefined && !limits.frame!.frame.claim(key, limits.frame!.page)) {
      inFrame += 1;
      continue;
    }
    // Follow-ups wait behind every planned interaction: describing what an action rendered is
    // worth its locator searches only when, at the pace so far, the queue ahead fits the time left.
    const pace = tried === 0 ? 0 : (performance.now() - started) / tried;
    const followUpsInReach = pace * queue.length < deadline - performance.now();
    tried += 1;
    const [outcome, replay] = await Promise.all([
      runInteraction(drivers.primary, plan, {
        resolve: true,
        rendered: plan.setup.length === 0 && followUpsInReach ? rendered.ids : undefined,
      }),
      // The replay runs on a second, independent load. Both start each interaction from the
      // initial state (same DOM, cookies and storage), restored or loaded afresh, as a test does.
      runInteraction(drivers.replica, plan, { resolve: false }),
    ]);
    noteOutcome(result, plan, outcome);
    outcome.revealed = rendered.adopt(outcome);
    const reproducible =
      replay.error === undefined &&
      replay.signature === outcome.signature &&
      !outcome.flippedSaved &&
      !replay.flippedSaved;
    const seen: Observed = { plan, effects: outcome.effects, changed: outcome.changed, reproducible };
    observed.push(seen);
    if (reproducible) {
      const setup = [...plan.setup, plan.action];
      result.links.push(...outcome.links.map((link) => ({ setup, ...link })));
      if (!createFound && limits.createFoundDeadline !== undefined && opensACreate(plan)) {
        createFound = true;
        deadline = Math.min(deadline, limits.createFoundDeadline);
      }
    }
    // What a create opened (an editor, a dialog) is explored by the flows after the crawl, filled
    // with texts of their own: here its commit would make data named by the app ("New Tiddler"),
    // which every later load shows.
    const next = opensACreate(plan) ? [] : followUps(outcome, plan, drivers.primary, context);
    queue.push(...next, ...probes.after(seen, context));
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
      reproducible,
    });
  }
  if (inFrame > 0)
    result.problems.push(`${inFrame} interactions with the site's frame skipped: another page tried them`);
  await discover(drivers, rest, result, deadline);
  result.rendered = rendered.usedBy(result.interactions);
  return result;

  function opensACreate(plan: InteractionPlan): boolean {
    const element = elements.get(plan.action.target);
    const submits = context.facts.get(plan.action.target)?.submits === true;
    return (
      plan.setup.length === 0 &&
      plan.action.kind === 'click' &&
      element !== undefined &&
      opensCreate(element, submits)
    );
  }

  /** Once the planned interactions are done: filters combined with choices, queued once. */
  function combine(): InteractionPlan | undefined {
    if (combined) return undefined;
    combined = true;
    queue.push(...comboPlans(observed, context, MAX_COMBOS));
    return queue.shift();
  }
}

/** Hands out the per-page probes: a dismissal per popup family, a repeated create. */
class ProbeBudget {
  private readonly dismissed = new Set<string>();
  private repeats = 0;

  after(seen: Observed, context: PlanContext): InteractionPlan[] {
    const plans: InteractionPlan[] = [];
    const dismissal = dismissalPlan(seen);
    if (dismissal && this.dismissed.size < MAX_DISMISSALS && !this.dismissed.has(dismissal.family ?? '')) {
      this.dismissed.add(dismissal.family ?? '');
      plans.push({ ...dismissal, family: undefined });
    }
    const repeat = this.repeats < MAX_REPEATS ? repeatPlan(seen, context) : undefined;
    if (repeat) {
      this.repeats += 1;
      plans.push(repeat);
    }
    return plans;
  }
}
