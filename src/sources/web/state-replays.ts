// A flow's two replays, run side by side, can disagree on a page for reasons of the machine, not
// of the app: on a busy machine one of them read the page before it settled (seen on a real admin
// UI: its create drawer, no dialog by role, still empty while its form loaded on demand).
// A third replay, alone, settles it: where it agrees with one of the two, the state is
// reproducible and the third's view (resolved) stands for it. Where it agrees with neither, the
// state is not reproducible, and the report says so instead of dropping it without a word.
import type { StateView } from './state-observation.ts';

export interface SettledViews {
  /** The view that stands for each page's state: the first replay's, or the third's. */
  views: Map<string, StateView>;
  /** Pages whose state two replays saw alike. */
  reproducible: Set<string>;
  /**
   * Pages where no two replays agreed, with how many changes each saw (two when no time was left
   * for a third), for the report.
   */
  unsettled: { page: string; seen: number[] }[];
}

/** Pages the two replays saw differently, at least one of them with a change. */
export function disagreeing(primary: Map<string, StateView>, replica: Map<string, StateView>): string[] {
  const pages = new Set([...primary.keys(), ...replica.keys()]);
  return [...pages].filter((page) => {
    const [one, other] = [primary.get(page), replica.get(page)];
    const changed = (one?.changes.length ?? 0) + (other?.changes.length ?? 0) > 0;
    return changed && one?.signature !== other?.signature;
  });
}

/**
 * The pages' views once a third replay (resolved, on the disagreeing pages only) has settled what
 * the first two disagreed on; `third` is not called when they agree everywhere, or `mayRetry` says
 * there is no time left.
 */
export async function settleReplays(
  primary: Map<string, StateView>,
  replica: Map<string, StateView>,
  third: (pages: string[]) => Promise<Map<string, StateView>>,
  mayRetry: () => boolean,
): Promise<SettledViews> {
  const views = new Map(primary);
  const split = new Set(disagreeing(primary, replica));
  const reproducible = new Set([...primary.keys()].filter((page) => !split.has(page)));
  if (split.size === 0) return { views, reproducible, unsettled: [] };
  const seen = (...replays: (StateView | undefined)[]) => replays.map((one) => one?.changes.length ?? 0);
  if (!mayRetry()) {
    const unsettled = [...split].map((page) => ({ page, seen: seen(primary.get(page), replica.get(page)) }));
    return { views, reproducible, unsettled };
  }
  const again = await third([...split]);
  const unsettled: SettledViews['unsettled'] = [];
  for (const page of split) {
    const [one, other, view] = [primary.get(page), replica.get(page), again.get(page)];
    if (view && (view.signature === one?.signature || view.signature === other?.signature)) {
      // The first replay was the odd one: the third's resolved view stands for the state.
      if (view.signature !== one?.signature) views.set(page, view);
      reproducible.add(page);
    } else {
      unsettled.push({ page, seen: seen(one, other, view) });
    }
  }
  return { views, reproducible, unsettled };
}
