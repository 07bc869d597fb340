// Turns raw snapshot changes into the contract's effects, each with a locator that is unique in
// the state where the element is visible: after the action for what appeared or changed, before
// it for what disappeared (resolved later, once the page is back in that state).
import type { Page } from '@playwright/test';
import type { UiEffect, UiLocator } from '../../core/page-model.ts';
import { chooseLocator, dependsOn } from './choose-locator.ts';
import { keysOfMatches } from './in-page-script.ts';
import { readLocatorTarget } from './locator-target.ts';
import { mapLimit } from '../../core/map-limit.ts';
import type { Change } from './snapshot-diff.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

/** Effects kept per interaction, most telling kinds first. */
export const MAX_EFFECTS = 15;

const priority: Change['kind'][] = [
  'text-changed',
  'value-changed',
  'state-changed',
  'appeared',
  'text-appeared',
  'disappeared',
  'text-disappeared',
];

export function byPriority(changes: Change[]): Change[] {
  return [...changes].sort((a, b) => priority.indexOf(a.kind) - priority.indexOf(b.kind));
}

export const isHiddenChange = (change: Change): boolean =>
  change.kind === 'disappeared' || change.kind === 'text-disappeared';

export class TargetResolver {
  constructor(
    private readonly page: Page,
    private readonly known: Map<string, UiLocator>,
  ) {}

  /**
   * `fresh`: the key may hold another element than the recorded one (a re-rendered item).
   * `verify`: check a recorded locator still finds the element at the key (on screen now).
   */
  async locateKey(
    key: string,
    avoidTexts: string[] = [],
    fresh = false,
    verify = false,
  ): Promise<UiLocator | undefined> {
    const known = fresh ? undefined : this.known.get(key);
    const trusted = known && (!verify || (await this.stillFinds(known, key)));
    if (known && trusted && !dependsOn(known, avoidTexts)) return known;
    const target = await readLocatorTarget(this.page, key);
    return target && chooseLocator(this.page, target, { avoidTexts });
  }

  async locateText(text: string, parent: string): Promise<UiLocator | undefined> {
    const own: UiLocator = { strategy: 'text', text, exact: true };
    if (await this.isUnique(own)) return own;
    const within = parent ? await this.locateKey(parent) : undefined;
    if (!within || within.within) return undefined;
    const scoped = { ...own, within };
    return (await this.isUnique(scoped)) ? scoped : undefined;
  }

  /**
   * Whether a recorded locator still finds the element at `key`: a re-rendered item may sit where
   * the recorded one was under another name (a renamed item's checkbox). Unknown counts as yes.
   */
  private async stillFinds(locator: UiLocator, key: string): Promise<boolean> {
    const keys = await keysOfMatches(toPlaywrightLocator(this.page, locator)).catch(() => undefined);
    return keys === undefined || (keys.length === 1 && keys[0] === key);
  }

  private async isUnique(locator: UiLocator): Promise<boolean> {
    const keys = await keysOfMatches(toPlaywrightLocator(this.page, locator)).catch(() => []);
    return keys.length === 1;
  }

  async toEffect(change: Change): Promise<UiEffect | undefined> {
    switch (change.kind) {
      case 'text-changed': {
        const target = await this.locateKey(change.key, [change.before, change.after]);
        return target && { kind: 'text-changed', target, before: change.before, after: change.after };
      }
      case 'value-changed': {
        // An editor put where a control was re-rendered holds a value under another role.
        const target = await this.locateKey(change.key, [], false, true);
        return target && { kind: 'value-changed', target, before: change.before, after: change.after };
      }
      case 'state-changed': {
        const target = await this.locateKey(change.key);
        return target && { kind: 'state-changed', target, state: change.state };
      }
      case 'appeared': {
        // What appeared may be a re-rendered item under a new name at a recorded one's place.
        const target = await this.locateKey(change.key, [], change.moved === true, true);
        return target && { kind: 'appeared', target, text: change.text || undefined };
      }
      case 'text-appeared': {
        const target = await this.locateText(change.text, change.parent);
        return target && { kind: 'appeared', target, text: change.text };
      }
      case 'disappeared': {
        const target = await this.locateKey(change.key);
        return target && { kind: 'disappeared', target };
      }
      case 'text-disappeared': {
        const target = await this.locateText(change.text, change.parent);
        return target && { kind: 'disappeared', target };
      }
    }
  }

  /** Effects for the changes, in order, until `budget` are found (resolved a batch at a time). */
  async toEffects(changes: Change[], budget: number): Promise<UiEffect[]> {
    const effects: UiEffect[] = [];
    let next = 0;
    while (effects.length < budget && next < changes.length) {
      const batch = changes.slice(next, next + budget - effects.length);
      next += batch.length;
      const resolved = await mapLimit(batch, 6, (change) => this.toEffect(change).catch(() => undefined));
      effects.push(...resolved.filter((effect): effect is UiEffect => effect !== undefined));
    }
    return effects;
  }
}
