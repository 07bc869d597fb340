// What the explorer recorded about the items it created itself, read the same way by the
// explorer's tests and by the tests of the suites emitted from the same pages.
import { expect } from 'vitest';
import type { ObservedInteraction, PageModel, SiteModel } from '../../../src/core/page-model.ts';

/** The locator scope of the explorer's own note: the list item holding its marked text. */
export const ownNote = { strategy: 'item', selector: 'li', text: expect.stringMatching(/^test-[a-z]{6}$/) };

/** The cancelled edit of the explorer's own note, among the interactions of the page's states. */
export const cancelOf = (page: PageModel): ObservedInteraction | undefined =>
  page.states?.flatMap((state) => state.interactions).find((one) => one.id.startsWith('own-cancel-'));

/** The reloaded state of a flow that goes on from a create with its own edit. */
export function editReloaded(model: SiteModel, page: PageModel) {
  const flow = model.flows?.find((one) =>
    one.actions.some((action) => action.target.startsWith('own-edit-')),
  );
  const state = page.states?.find((one) => one.reloaded && one.flow === flow?.id);
  return flow && state ? { flow, state } : undefined;
}
