// The round trip of a share link: in the state that produced it, read the URL the app put in a
// field, open it as a new visitor (no cookies, no storage) and compare the page it opens with
// that page's own fresh load. What differs is what the link carried: the state it must restore.
import type { PageModel, UiAction, UiEffect } from '../../core/page-model.ts';
import { MAX_EFFECTS, TargetResolver, isHiddenChange } from './effect-targets.ts';
import type { PageSnapshot } from './in-page-types.ts';
import { linkHeldBy, openAsNewVisitor } from './new-visitor.ts';
import type { PageDriver } from './page-driver.ts';
import { briefError } from './page-issues.ts';
import { LOAD_QUIET_MS } from './page-session.ts';
import { stateChanges } from './state-flows.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

export interface SharedLinkPlan {
  /** Actions in the state that make the link appear (never empty). */
  setup: UiAction[];
  holder: string;
  /** The page the link opens, with the snapshot of its fresh load. */
  opens: PageModel;
  baseline: PageSnapshot;
}

export interface RoundTrip {
  effects: UiEffect[];
  signature: string;
  error: string | undefined;
}

export async function probeSharedLink(
  driver: PageDriver,
  plan: SharedLinkPlan,
  shared: Set<string>,
  resolve: boolean,
): Promise<RoundTrip> {
  try {
    await driver.reopen();
    for (const step of plan.setup) {
      await driver.act(step);
      await driver.settle(driver.quietAfter(step));
    }
    const holder = driver.elementsById.get(plan.holder);
    if (!holder) throw new Error(`unknown element ${plan.holder}`);
    const url = await linkHeldBy(toPlaywrightLocator(driver.page, holder.locator), driver.page.url());
    await openAsNewVisitor(driver.page, url);
    await driver.settle(LOAD_QUIET_MS);
    const after = await driver.snapshot();
    const { changes, signature } = stateChanges(plan.baseline, after, shared);
    if (!resolve) return { effects: [], signature, error: undefined };
    const shown = changes.filter((change) => !isHiddenChange(change));
    const effects = await new TargetResolver(driver.page, new Map()).toEffects(shown, MAX_EFFECTS);
    return { effects, signature, error: undefined };
  } catch (error) {
    return { effects: [], signature: '', error: briefError(error) };
  }
}
