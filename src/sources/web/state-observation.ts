// What a flow changes elsewhere: in one fresh context the flow runs, then every other explored
// page is opened in turn and compared with its own fresh load. Differences inside the landmarks
// every page shares (a header counter) are left out: the flow's own page already shows them.
import type { PageModel, StateFlow, UiEffect } from '../../core/page-model.ts';
import { collectElements } from './collect-elements.ts';
import type { CollectedElements } from './collect-elements.ts';
import { collectForms } from './collect-forms.ts';
import { MAX_EFFECTS, TargetResolver, isHiddenChange } from './effect-targets.ts';
import { openFlowSession, visit } from './flow-session.ts';
import { callInPage } from './in-page-script.ts';
import type { PageSnapshot } from './in-page-types.ts';
import { closePageSession } from './page-session.ts';
import type { ExplorationEnv } from './page-session.ts';
import type { Change } from './snapshot-diff.ts';
import { stateChanges } from './state-flows.ts';

export interface StateView {
  /** Changes against the page's fresh load, outside the shared landmarks. */
  changes: Change[];
  /** Equal for two replays that saw the same changes. */
  signature: string;
  /** The changes as effects (resolved replays only). What vanished is not resolved: it has no place in the state. */
  effects: UiEffect[];
  /** The page's interactive elements in this state (resolved replays only). */
  collected: CollectedElements | undefined;
  /** Keys of the forms that post data, in this state: their submits are never clicked. */
  postingForms: Set<string>;
}

export interface ObserveOptions {
  /** Resolve locators and collect elements (the primary replay), or only compare (the replica). */
  resolve: boolean;
  /** The flow's page as the flow left it: compared without opening it again. */
  inPlace?: boolean;
  maxElements: number;
  deadline: number;
}

/** The flow once, then each page: its differences from `baselines`, by page id. */
export async function observeFlow(
  env: ExplorationEnv,
  flow: { flow: StateFlow; page: PageModel },
  pages: PageModel[],
  baselines: Map<string, PageSnapshot>,
  shared: Set<string>,
  options: ObserveOptions,
): Promise<Map<string, StateView>> {
  const views = new Map<string, StateView>();
  const session = await openFlowSession(env, flow.page, flow.flow);
  try {
    for (const page of pages) {
      const baseline = baselines.get(page.id);
      if (!baseline || performance.now() > options.deadline) continue;
      if (!options.inPlace) await visit(env, session, page.url);
      if (!session.load.settled) continue;
      const now = await callInPage<PageSnapshot>(session.page, 'snapshot');
      const { changes, signature } = stateChanges(baseline, now, shared);
      if (changes.length === 0 || !options.resolve) {
        views.set(page.id, {
          changes,
          signature,
          effects: [],
          collected: undefined,
          postingForms: new Set(),
        });
        continue;
      }
      const resolver = new TargetResolver(session.page, new Map());
      const shown = changes.filter((change) => !isHiddenChange(change));
      const collected = await collectElements(session.page, options.maxElements);
      const forms = await collectForms(session.page, collected);
      views.set(page.id, {
        changes,
        signature,
        effects: await resolver.toEffects(shown, MAX_EFFECTS),
        collected,
        postingForms: new Set(forms.filter((form) => form.method === 'post').map((form) => form.key)),
      });
    }
  } finally {
    await closePageSession(session);
  }
  return views;
}
