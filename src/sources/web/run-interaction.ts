// One interaction, observed: reach its starting state, snapshot, act, let the page settle,
// snapshot again and turn the difference (plus URL changes and dialogs) into effects; then bring
// the page back to its initial state — by undoing, going back, or loading it afresh.
import type { UiEffect } from '../../core/page-model.ts';
import { MAX_EFFECTS, TargetResolver, byPriority, isHiddenChange } from './effect-targets.ts';
import { RESTORE_QUIET_MS } from './page-driver.ts';
import type { PageDriver } from './page-driver.ts';
import type { InteractionPlan } from './plan-interactions.ts';
import { briefError } from './page-issues.ts';
import { diffSnapshots } from './snapshot-diff.ts';
import type { Change } from './snapshot-diff.ts';

export interface InteractionOutcome {
  effects: UiEffect[];
  /** Recorded elements that became visible: candidates for follow-up interactions. */
  revealed: string[];
  /** New tabs the action opened (closed again); the contract has no effect kind for them. */
  popups: string[];
  /** Landmarks that changed: not stable regions. */
  touched: string[];
  error: string | undefined;
}

const withoutHash = (url: string): string => url.replace(/#.*$/, '');

async function reachStart(driver: PageDriver, plan: InteractionPlan): Promise<void> {
  for (const step of plan.setup) await driver.act(step);
  const last = plan.setup.at(-1);
  if (last) await driver.settle(driver.quietAfter(last));
}

async function restore(driver: PageDriver, plan: InteractionPlan, navigated: boolean): Promise<void> {
  if (navigated) {
    await driver.page.goBack({ waitUntil: 'domcontentloaded', timeout: 5_000 }).catch(() => undefined);
  } else if (plan.restore.length > 0) {
    for (const step of plan.restore) await driver.act(step);
  } else {
    await driver.page.keyboard.press('Escape');
  }
  await driver.settle(RESTORE_QUIET_MS);
  await driver.page.mouse.move(0, 0); // no hover state carried into the next interaction
  if (!(await driver.atBaseline())) await driver.reopen();
}

/** Locates what disappeared: in the starting state, where it was still visible. */
async function resolveHidden(driver: PageDriver, plan: InteractionPlan, hidden: Change[], budget: number) {
  if (hidden.length === 0 || budget <= 0) return [];
  await reachStart(driver, plan);
  const effects = await new TargetResolver(driver.page, driver.elementLocators()).toEffects(hidden, budget);
  if (plan.setup.length > 0) await restore(driver, plan, false);
  return effects;
}

export async function runInteraction(driver: PageDriver, plan: InteractionPlan): Promise<InteractionOutcome> {
  try {
    await reachStart(driver, plan);
    const before = await driver.snapshot();
    const mark = driver.session.events.cursor();
    await driver.act(plan.action);
    await driver.settle(driver.quietAfter(plan.action));
    const after = await driver.snapshot();
    const diff = diffSnapshots(before, after, driver.keyOf(plan.action.target));
    const { dialogs, popups } = driver.session.events.since(mark);
    const effects: UiEffect[] = [
      ...(before.url === after.url
        ? []
        : [{ kind: 'url-changed' as const, from: before.url, to: after.url }]),
      ...dialogs.map((dialog) => ({ kind: 'dialog' as const, ...dialog })),
    ];
    // After leaving for another page, the diff would only describe the other page: that page
    // has its own model, so a navigation's effect is the URL change alone.
    const leftPage = withoutHash(before.url) !== withoutHash(after.url);
    const changes = leftPage ? [] : byPriority(diff.changes);
    const resolver = new TargetResolver(driver.page, driver.elementLocators());
    const visible = changes.filter((change) => !isHiddenChange(change));
    effects.push(...(await resolver.toEffects(visible, MAX_EFFECTS - effects.length)));
    const revealed = diff.revealed
      .map((key) => driver.idOf(key))
      .filter((id): id is string => id !== undefined);
    await restore(driver, plan, before.url !== after.url);
    const hidden = changes.filter(isHiddenChange);
    effects.push(...(await resolveHidden(driver, plan, hidden, MAX_EFFECTS - effects.length)));
    const touched = leftPage ? [] : diff.touched;
    return { effects, revealed, popups, touched, error: undefined };
  } catch (error) {
    // Start the next interaction from a fresh load; if even that fails, the next one reports it.
    await driver.reopen().catch(() => undefined);
    return { effects: [], revealed: [], popups: [], touched: [], error: briefError(error) };
  }
}
