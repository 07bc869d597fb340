// One interaction, observed: reach its starting state, snapshot, act, let the page settle,
// snapshot again and turn the difference (plus URL changes and dialogs) into effects; then bring
// the page back to its initial state — by undoing, going back, or loading it afresh.
import type { UiEffect } from '../../core/page-model.ts';
import { MAX_EFFECTS, TargetResolver, byPriority, isHiddenChange } from './effect-targets.ts';
import { RESTORE_QUIET_MS } from './page-driver.ts';
import type { PageDriver } from './page-driver.ts';
import type { InteractionPlan } from './plan-interactions.ts';
import { callInPage } from './in-page-script.ts';
import { briefError } from './page-issues.ts';
import type { PageSnapshot } from './in-page-types.ts';
import { isSameOriginUrl } from './new-visitor.ts';
import { withOwnMarks } from './own-marks.ts';
import { changesSignature, diffSnapshots } from './snapshot-diff.ts';
import { collectRendered } from './collect-elements.ts';
import type { CollectedElements } from './collect-elements.ts';
import type { Change } from './snapshot-diff.ts';

export interface InteractionOutcome {
  effects: UiEffect[];
  /** Elements that became visible, rendered ones included: candidates for follow-up interactions. */
  revealed: string[];
  /**
   * Controls the action rendered that the page did not have (a menu's items, a tab's buttons, a
   * portal's dialog): described and located while shown, with ids of their own (`RunOptions.rendered`).
   */
  rendered: Omit<CollectedElements, 'truncated'>;
  /** New tabs the action opened (closed again); the contract has no effect kind for them. */
  popups: string[];
  /** Landmarks that changed: not stable regions. */
  touched: string[];
  /** What changed, by internal key: equal for two runs that saw the same effects. */
  signature: string;
  /** Internal keys of the elements that changed (loose texts aside). */
  changed: string[];
  /** Recorded fields that came to hold a same-origin URL (a share link), with that URL. */
  links: { holder: string; url: string }[];
  /**
   * The click flipped a state the server keeps ("Add to favorites" became "Remove from
   * favorites" and a write went out): clicked again to flip it back, and no test may replay it,
   * since each run would start from the other side.
   */
  flippedSaved: boolean;
  error: string | undefined;
}

export interface RunOptions {
  /** false for a replay that only has to show the same changes (the replica): no locators are resolved. */
  resolve: boolean;
  /** Ids for the controls the action rendered; without them, such controls are not described. */
  rendered?: { next(...parts: string[]): string };
}

// A tab or a route may render a whole view, and each control described costs a locator search;
// follow-ups take the first four plans (explore-interactions.ts), so a few more than that do.
const MAX_RENDERED = 8;

const noneRendered = (): InteractionOutcome['rendered'] => ({
  elements: [],
  facts: new Map(),
  idByKey: new Map(),
  skipped: [],
});

const failed = (error: unknown): InteractionOutcome => ({
  effects: [],
  revealed: [],
  rendered: noneRendered(),
  popups: [],
  touched: [],
  signature: '',
  changed: [],
  links: [],
  flippedSaved: false,
  error: briefError(error),
});

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

export async function runInteraction(
  driver: PageDriver,
  planned: InteractionPlan,
  options: RunOptions = { resolve: true },
): Promise<InteractionOutcome> {
  // The replica creates with letters of its own (own-marks.ts); the primary records the plan's.
  const replay = options.resolve ? undefined : withOwnMarks(planned);
  const plan = replay?.plan ?? planned;
  try {
    await reachStart(driver, plan);
    const before = await driver.snapshot();
    // A key press may change its own box (Enter empties a box whose text became an item): that
    // is an effect; a fill's or a click's change of its own target is not.
    const own = plan.action.kind === 'press' ? undefined : await driver.keyNow(plan.action.target);
    const clicked = plan.action.kind === 'click' ? own : undefined;
    const nameBefore = clicked ? await nameAt(driver, clicked) : null;
    const mark = driver.session.events.cursor();
    await driver.act(plan.action);
    await driver.settle(driver.quietAfter(plan.action));
    const after = await driver.snapshot();
    const diff = diffSnapshots(before, after, own);
    const { dialogs, popups, writes } = driver.session.events.since(mark);
    const leftPage = withoutHash(before.url) !== withoutHash(after.url);
    const nameAfter = clicked && !leftPage && writes > 0 ? await nameAt(driver, clicked) : null;
    const flippedSaved = nameBefore !== null && nameAfter !== null && nameAfter !== nameBefore;
    const signature = signatureOf(
      before.url === after.url ? undefined : after.url,
      dialogs,
      diff.changes,
      leftPage,
    );
    const changed = leftPage ? [] : diff.changes.flatMap((change) => ('key' in change ? [change.key] : []));
    if (!options.resolve) {
      if (flippedSaved) await flipBack(driver, clicked!);
      await restore(driver, plan, before.url !== after.url);
      return {
        effects: [],
        revealed: [],
        rendered: noneRendered(),
        popups,
        touched: [],
        signature: replay ? replay.asPlanned(signature) : signature,
        changed,
        links: [],
        flippedSaved,
        error: undefined,
      };
    }
    const effects: UiEffect[] = [
      ...(before.url === after.url
        ? []
        : [{ kind: 'url-changed' as const, from: before.url, to: after.url }]),
      ...dialogs.map((dialog) => ({ kind: 'dialog' as const, ...dialog })),
    ];
    // After leaving for another page, the diff would only describe the other page: that page
    // has its own model, so a navigation's effect is the URL change alone.
    const changes = leftPage ? [] : byPriority(diff.changes);
    const resolver = new TargetResolver(driver.page, driver.elementLocators());
    const visible = changes.filter((change) => !isHiddenChange(change));
    effects.push(...(await resolver.toEffects(visible, MAX_EFFECTS - effects.length)));
    const links = heldLinks(driver, before, after);
    const unrecorded = diff.revealed.filter((key) => driver.idOf(key) === undefined);
    const rendered =
      options.rendered && !leftPage && unrecorded.length > 0
        ? await collectRendered(driver.page, unrecorded, MAX_RENDERED, options.rendered)
        : noneRendered();
    const revealed = diff.revealed
      .map((key) => driver.idOf(key) ?? rendered.idByKey.get(key))
      .filter((id): id is string => id !== undefined);
    if (flippedSaved) await flipBack(driver, clicked!);
    await restore(driver, plan, before.url !== after.url);
    const hidden = changes.filter(isHiddenChange);
    effects.push(...(await resolveHidden(driver, plan, hidden, MAX_EFFECTS - effects.length)));
    const touched = leftPage ? [] : diff.touched;
    return {
      ...{ effects, revealed, rendered, popups, touched, signature, changed, links },
      ...{ flippedSaved, error: undefined },
    };
  } catch (error) {
    // Start the next interaction from a fresh load; if even that fails, the next one reports it.
    await driver.reopen().catch(() => undefined);
    return failed(error);
  }
}

function nameAt(driver: PageDriver, key: string): Promise<string | null> {
  return callInPage<string | null>(driver.page, 'nameAt', key).catch(() => null);
}

/**
 * Clicks a flipped control once more, found by its key (its name changed), so the server's state
 * is as it was for the interactions and pages that follow. The snapshot was taken before: the
 * effects are those of the first click.
 */
async function flipBack(driver: PageDriver, key: string): Promise<void> {
  await driver.page
    .locator(key)
    .click({ timeout: 3_000 })
    .catch(() => undefined);
  await driver.settle();
}

/** Recorded fields whose value became a same-origin URL other than the page's own. */
function heldLinks(driver: PageDriver, before: PageSnapshot, after: PageSnapshot) {
  const origin = new URL(after.url).origin;
  const was = new Map(before.items.map((item) => [item.key, item.value]));
  return after.items.flatMap((item) => {
    const holder = driver.idOf(item.key);
    const url = item.value;
    if (!holder || !item.visible || url === was.get(item.key) || !isSameOriginUrl(url, origin)) return [];
    return url === after.url ? [] : [{ holder, url: url! }];
  });
}

function signatureOf(
  url: string | undefined,
  dialogs: unknown[],
  changes: Change[],
  leftPage: boolean,
): string {
  return JSON.stringify({ url, dialogs, kept: changesSignature(leftPage ? [] : changes) });
}
