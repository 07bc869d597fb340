// Which observed interactions are flows: a reproducible create (a form submit, "Add …", text +
// Enter that added something) that stayed on its page. Replayed in a fresh context, a flow puts the app into a state other pages
// show (a cart with an item, a list with an entry). Also: the landmarks every page shares (the
// site's header, main navigation and footer), whose changes a state page does not need to repeat.
import type { PageModel, StateFlow } from '../../core/page-model.ts';
import { byPriority } from './effect-targets.ts';
import { IdAllocator } from './element-ids.ts';
import type { PageSnapshot } from './in-page-types.ts';
import { changesSignature, diffSnapshots, regionsOfChange } from './snapshot-diff.ts';
import type { Change } from './snapshot-diff.ts';
import { regionLabel } from './page-facts.ts';
import { createsByEnter } from './creates-by-effect.ts';
import { createsSomething } from './creating-controls.ts';

/** At most one flow per page, in page order. */
export function flowCandidates(pages: PageModel[], max: number): StateFlow[] {
  const ids = new IdAllocator();
  const flows: StateFlow[] = [];
  for (const page of pages) {
    if (flows.length >= max) break;
    const flow = page.interactions.find((interaction) => {
      const { action } = interaction;
      if (interaction.setup.length === 1 && createsByEnter(interaction)) return true;
      const element = page.elements.find((candidate) => candidate.id === action.target);
      return (
        interaction.reproducible &&
        interaction.setup.length === 0 &&
        action.kind === 'click' &&
        element !== undefined &&
        element.visible &&
        createsSomething(
          element,
          page.forms.some((form) => form.submit === element.id),
        ) &&
        interaction.effects.length > 0 &&
        !interaction.effects.some((effect) => effect.kind === 'url-changed')
      );
    });
    if (flow)
      flows.push({
        id: ids.next(page.id, flow.action.target),
        page: page.id,
        actions: [...flow.setup, flow.action],
      });
  }
  return flows;
}

/**
 * Labels (`navigation "Main"`) of the landmarks found on every explored page: the site's frame.
 * `main` is on every page too, but holds each page's own content.
 */
export function sharedLandmarks(pages: PageModel[]): Set<string> {
  const [first, ...rest] = pages.filter((page) => page.settled);
  if (!first || rest.length === 0) return new Set();
  const labels = new Set(first.landmarks.filter((landmark) => landmark.role !== 'main').map(regionLabel));
  for (const page of rest) {
    const own = new Set(page.landmarks.map(regionLabel));
    for (const label of labels) if (!own.has(label)) labels.delete(label);
  }
  return labels;
}

/**
 * How a page differs from its fresh load, most telling first, without what lies only inside the
 * shared landmarks; with a signature two replays that saw the same differences share.
 */
export function stateChanges(
  fresh: PageSnapshot,
  now: PageSnapshot,
  shared: Set<string>,
): { changes: Change[]; signature: string } {
  const changes = byPriority(
    diffSnapshots(fresh, now).changes.filter((change) => {
      const regions = regionsOfChange(change, fresh, now);
      return regions.length === 0 || regions.some((region) => !shared.has(region));
    }),
  );
  return { changes, signature: changesSignature(changes) };
}
