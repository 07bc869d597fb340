// The stateful pass, after the crawl: flows (reproducible creates such as "Add to estimate") are
// replayed in fresh contexts, and every other explored page is compared with its fresh load. A
// page that shows the state (the estimate now lists the item, the start page its total) gets a
// PageState: what differs, and the interactions the state opened up (remove the item, share the
// estimate). Bounded: a few flows, one deep exploration per page, a deadline.
import type { PageModel, PageState, StateFlow, UiEffect, UiElement } from '../../core/page-model.ts';
import type { PageSnapshot } from './in-page-types.ts';
import { briefError } from './page-issues.ts';
import type { ExplorationEnv } from './page-session.ts';
import { searchBox } from './commit-plans.ts';
import { opensCreate } from './creating-controls.ts';
import { probeOwnEditCancel } from './own-edit-cancel.ts';
import { probeOwnEdit } from './own-edit-probe.ts';
import type { OwnEditTarget } from './own-edit-reload.ts';
import { probeOwnItem } from './own-item-probe.ts';
import { createFlowOf, probePersistence } from './persistence-probe.ts';
import { flowCandidates, sharedLandmarks } from './state-flows.ts';
import { exploreState } from './state-interactions.ts';
import { observeFlow } from './state-observation.ts';
import type { StateView } from './state-observation.ts';
import { settleReplays } from './state-replays.ts';
import type { SettledViews } from './state-replays.ts';

export const MAX_FLOWS = 2;
const MAX_STATE_INTERACTIONS = 8;
// Kept, after the create found in the page as the flow left it, for whether it lasts a reload
// (two replays, the writes let go out, a reload and a search) and, beside it, for the created
// item's own remove and its own edit, then that edit cancelled (two more replays each): worth
// more than the editor's other controls, which stop this long before the deadline.
const PERSISTENCE_RESERVE_MS = 30_000;
// A create found in place is what the flows were replayed for: its probes (side by side,
// each bounded by its own timeouts) may still start this long past the deadline, since under
// load the create's own round often ends just after it. The re-check after them keeps its own
// share all the same (`recheckDeadline`, explore-site.ts).
const CREATE_PROBES_GRACE_MS = 15_000;

export interface StatesOptions {
  deadline: number;
  maxElements: number;
}

export interface StatesResult {
  flows: StateFlow[];
  /** States and the elements they added (with the flow that shows them), by page id. */
  pages: Map<string, { states: PageState[]; added: { flow: string; elements: UiElement[] }[] }>;
  issues: { url: string; message: string }[];
  /** Time spent on each page in states. */
  perPageMs: Record<string, number>;
}

export async function exploreStates(
  env: ExplorationEnv,
  pages: PageModel[],
  baselines: Map<string, PageSnapshot>,
  options: StatesOptions,
): Promise<StatesResult> {
  const result: StatesResult = { flows: [], pages: new Map(), issues: [], perPageMs: {} };
  const shared = sharedLandmarks(pages);
  const explored = new Set<string>();
  for (const flow of flowCandidates(pages, MAX_FLOWS)) {
    const flowPage = pages.find((page) => page.id === flow.page)!;
    if (performance.now() > options.deadline) {
      result.issues.push({ url: flowPage.url, message: `flow ${flow.id} not replayed: time limit reached` });
      continue;
    }
    const elsewhere = pages.filter((page) => page.id !== flow.page && baselines.has(page.id));
    const started = performance.now();
    const observe = async (targets: PageModel[], inPlace: boolean): Promise<SettledViews> => {
      const replay = (resolve: boolean, on: PageModel[]) =>
        observeFlow(env, { flow, page: flowPage }, on, baselines, shared, { ...options, resolve, inPlace });
      const [primary, replica] = await Promise.all([replay(true, targets), replay(false, targets)]);
      return settleReplays(
        primary,
        replica,
        (ids) =>
          replay(
            true,
            targets.filter((page) => ids.includes(page.id)),
          ),
        () => performance.now() < options.deadline,
      );
    };
    const observed: { views: SettledViews; others: PageModel[]; inPlace: boolean }[] = [];
    try {
      let others = elsewhere;
      // No other page to open: the flow is not replayed for nothing.
      const none: SettledViews = { views: new Map(), reproducible: new Set(), unsettled: [] };
      let views = others.length > 0 ? await observe(others, false) : none;
      // Shown on no other page: the flow's own page, reloaded, is where an app of one page (a
      // list kept in storage) shows its state. Only then, so other sites pay nothing for it.
      if (!showsAnything(views.views) && baselines.has(flowPage.id)) {
        others = [flowPage];
        views = await observe(others, false);
      }
      observed.push({ views, others, inPlace: false });
      // What the flow itself showed is gone after a reload (an editor a "New" button opened, kept
      // in the page): that state, and what it offers, can only be explored as the flow left it.
      // A flow that opened a create is explored so whatever other pages showed: a page that
      // differs from its fresh load by itself (a relative time, a load stamp) would otherwise
      // stand for the state and leave the create's own form untried.
      // The same holds on the flow's own page: an app that keeps a draft of what "New" opened
      // (a wiki's "Draft of 'New Tiddler'") shows the draft after a reload, not its editor.
      const gone =
        (baselines.has(flowPage.id) && opensCreateFlow(flowPage, flow)) ||
        (others[0] === flowPage &&
          !keepsWhatFlowShowed(flowEffects(flowPage, flow), views.views.get(flowPage.id)));
      if (gone) {
        observed.push({ views: await observe([flowPage], true), others: [flowPage], inPlace: true });
      }
    } catch (error) {
      result.issues.push({
        url: flowPage.url,
        message: `flow ${flow.id} could not be replayed: ${briefError(error)}`,
      });
      continue;
    }
    // Recorded in the order observed; explored in place first: what the flow opened in the page
    // (an editor) is where its create is finished, worth more than what a reload shows of it.
    const deep: (() => Promise<void>)[] = [];
    const deepInPlace: (() => Promise<void>)[] = [];
    // A create found in place, replayed and the page reloaded: before the reloaded state's other
    // controls, since whether the create lasts is worth more than they are.
    const persistence: (() => Promise<void>)[] = [];
    for (const { views, others, inPlace } of observed) {
      const spent = (performance.now() - started) / Math.max(1, others.length * observed.length);
      for (const { page, seen } of views.unsettled) {
        const where = pages.find((one) => one.id === page)?.url ?? flowPage.url;
        const counts = seen.map((count) => `${count} change${count === 1 ? '' : 's'}`).join(', ');
        const why =
          seen.length === 2
            ? `its two replays saw different changes (${counts}) and no time was left for a third`
            : `no two of three replays saw the same changes (${counts})`;
        const message = `state after ${flow.id}${inPlace ? ' (in place)' : ''} not explored: ${why}`;
        result.issues.push({ url: where, message });
      }
      for (const page of others) {
        result.perPageMs[page.id] = (result.perPageMs[page.id] ?? 0) + spent;
        const view = views.views.get(page.id);
        if (!view || view.effects.length === 0) continue;
        const reproducible = views.reproducible.has(page.id);
        const state: PageState = {
          flow: flow.id,
          effects: view.effects,
          reproducible,
          interactions: [],
          sharedLinks: [],
          ...(inPlace ? { inPlace } : {}),
        };
        const entry = result.pages.get(page.id) ?? { states: [], added: [] };
        result.pages.set(page.id, entry);
        entry.states.push(state);
        const key = inPlace ? `${page.id} in place` : page.id;
        if (!reproducible || explored.has(key)) continue;
        explored.add(key);
        (inPlace ? deepInPlace : deep).push(async () => {
          if (performance.now() > options.deadline) return;
          const began = performance.now();
          try {
            const found = await exploreState(
              env,
              { flow, flowPage, page, view, inPlace },
              { pages, baselines, shared },
              {
                maxInteractions: MAX_STATE_INTERACTIONS,
                deadline: options.deadline,
                ...(inPlace ? { restDeadline: options.deadline - PERSISTENCE_RESERVE_MS } : {}),
              },
            );
            entry.added.push({ flow: flow.id, elements: found.elements.added });
            state.interactions = found.interactions;
            const create = inPlace ? createFlowOf(flow, found.interactions) : undefined;
            if (create)
              persistence.push(async () => {
                if (performance.now() > options.deadline + CREATE_PROBES_GRACE_MS) {
                  const message = `create ${create.flow.id} not probed (reload, own item): time limit reached`;
                  result.issues.push({ url: page.url, message });
                  return;
                }
                const began = performance.now();
                const taken = new Set([...page.elements, ...found.elements.elements].map((one) => one.id));
                // Independent replays in contexts of their own: side by side, so that a create whose
                // reload is probed also gets its remove tried in the time left.
                const own = { create, page, elements: found.elements.elements };
                const search = searchBox(page.elements);
                const [probed, removed, { edited, cancelled }] = await Promise.all([
                  probePersistence(env, { ...own, search }),
                  probeOwnItem(env, own, taken),
                  editThenCancel(env, { ...own, search }, taken),
                ]);
                const items = [removed, edited, ...(cancelled ? [cancelled] : [])];
                result.issues.push(
                  ...[probed, ...items]
                    .flatMap((one) => one.problems)
                    .map((message) => ({ url: page.url, message })),
                );
                if (probed.state) entry.states.push(probed.state);
                for (const item of items) {
                  if (!item.state) continue;
                  entry.states.push(item.state);
                  entry.added.push({ flow: create.flow.id, elements: item.elements });
                }
                if (probed.state || items.some((item) => item.state)) result.flows.push(create.flow);
                // The edit, once it lasted a reload: the create and the edit, a flow of their own.
                if (edited.reloaded) {
                  entry.states.push(edited.reloaded.state);
                  result.flows.push(edited.reloaded.flow);
                }
                result.perPageMs[page.id] = (result.perPageMs[page.id] ?? 0) + performance.now() - began;
              });
            state.sharedLinks = found.sharedLinks;
            result.issues.push(
              ...found.problems.map((message) => ({
                url: page.url,
                message: `after ${flow.id}: ${message}`,
              })),
            );
          } catch (error) {
            result.issues.push({ url: page.url, message: `after ${flow.id}: ${briefError(error)}` });
          }
          result.perPageMs[page.id] = (result.perPageMs[page.id] ?? 0) + performance.now() - began;
        });
      }
    }
    for (const explore of deepInPlace) await explore();
    for (const probe of persistence) await probe();
    for (const explore of deep) await explore();
    if ([...result.pages.values()].some((entry) => entry.states.some((state) => state.flow === flow.id))) {
      result.flows.push(flow);
    }
  }
  return result;
}

/**
 * The created item's edit, then its edit cancelled, in one slot beside the other probes: the
 * cancel only where the edit opened an editor in the item's block (no replays at all elsewhere),
 * and no more browser contexts at once than the three probes already open (six, the load at which
 * runs were measured reaching them). It reuses the edit's elements for the same controls.
 */
async function editThenCancel(env: ExplorationEnv, target: OwnEditTarget, taken: Set<string>) {
  const edited = await probeOwnEdit(env, target, taken);
  if (!edited.inBlock) return { edited, cancelled: undefined };
  const elements = [...target.elements, ...edited.elements];
  return { edited, cancelled: await probeOwnEditCancel(env, { ...target, elements }, taken) };
}

/** Whether the flow is one click on a control that opens a create ("New …"; creating-controls.ts). */
function opensCreateFlow(page: PageModel, flow: StateFlow): boolean {
  const [action, ...more] = flow.actions;
  if (!action || more.length > 0 || action.kind !== 'click') return false;
  const element = page.elements.find((candidate) => candidate.id === action.target);
  const submits = page.forms.some((form) => form.submit === action.target);
  return element !== undefined && opensCreate(element, submits);
}

/** The effects of the interaction the flow was taken from (its setup and action are the flow's actions). */
function flowEffects(page: PageModel, flow: StateFlow): UiEffect[] {
  const actions = JSON.stringify(flow.actions);
  return (
    page.interactions.find(
      (interaction) => JSON.stringify([...interaction.setup, interaction.action]) === actions,
    )?.effects ?? []
  );
}

/**
 * Whether the reloaded page still shows something the flow made appear: a list kept in storage
 * shows the added item again; an editor opened in the page is gone.
 */
export function keepsWhatFlowShowed(flow: UiEffect[], reloaded: StateView | undefined): boolean {
  const shown = new Set(
    (reloaded?.effects ?? []).flatMap((effect) =>
      effect.kind === 'appeared' ? [JSON.stringify(effect.target)] : [],
    ),
  );
  const appeared = flow.flatMap((effect) =>
    effect.kind === 'appeared' ? [JSON.stringify(effect.target)] : [],
  );
  if (appeared.length === 0) return (reloaded?.effects.length ?? 0) > 0;
  return appeared.some((target) => shown.has(target));
}

function showsAnything(views: Map<string, StateView>): boolean {
  return [...views.values()].some((view) => view.effects.length > 0);
}
