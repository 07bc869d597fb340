import { locatorTexts } from '../../core/numbered-text.ts';
import { CONTAINER_ROLES, type UiEffect } from '../../core/page-model.ts';
import type { UiAssertion, UiElementState } from '../../core/ui-test-case.ts';
import { isTextLocatorFor } from './describe.ts';
import type { TypedStep } from './committed-values.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/**
 * The assertions that prove an observed effect happened again, with its new value. A text or
 * value that holds the explored host (an absolute link) is left out: the suite runs anywhere.
 */
export function effectAssertions(
  context: UiGenerationContext,
  page: string,
  effect: UiEffect,
): UiAssertion[] {
  const host = new URL(context.model.origin).host;
  return assertionsFor(context, page, effect).filter((assertion) => !mentions(assertion, host));
}

function mentions(assertion: UiAssertion, host: string): boolean {
  const said =
    assertion.kind === 'text' ? assertion.text : assertion.kind === 'value' ? assertion.value : undefined;
  return said !== undefined && said.includes(host);
}

function assertionsFor(context: UiGenerationContext, page: string, effect: UiEffect): UiAssertion[] {
  switch (effect.kind) {
    case 'text-changed':
      return [{ kind: 'text', target: context.locatorTarget(page, effect.target), text: effect.after }];
    case 'appeared': {
      const target = context.locatorTarget(page, effect.target);
      // The block holding a text is one block by construction, but an app that animates its list
      // may show it twice for a moment (TiddlyWiki's leaving frame), and a strict check fails at
      // once on two: its count is waited for first, which still fails on a lasting duplicate.
      const visible: UiAssertion[] = [
        ...(effect.target.strategy === 'item' ? [{ kind: 'count' as const, target, count: 1 }] : []),
        { kind: 'visible', target },
      ];
      if (effect.text === undefined || isTextLocatorFor(effect.target, effect.text)) return visible;
      // A block's text (a dialog, a panel) was read as rendered, with spaces between its parts
      // that the DOM's text does not have: the block is identified by its locator instead.
      if (effect.text.includes('\n') || effect.text.length > 80) return visible;
      // A landmark's text is all of its parts, hidden ones included in the DOM's text (a button
      // shown only later): read as rendered it never equals that, so it too is found by role.
      if (effect.target.strategy === 'role' && CONTAINER_ROLES.has(effect.target.role)) return visible;
      return [...visible, { kind: 'text', target, text: effect.text }];
    }
    case 'disappeared':
      return [{ kind: 'hidden', target: context.locatorTarget(page, effect.target) }];
    case 'value-changed':
      return [{ kind: 'value', target: context.locatorTarget(page, effect.target), value: effect.after }];
    case 'state-changed':
      return [{ kind: 'state', target: context.locatorTarget(page, effect.target), state: effect.state }];
    case 'url-changed':
      return [{ kind: 'url', path: context.pathOf(effect.to) }];
    case 'dialog':
      return [{ kind: 'dialog', dialogType: effect.type, message: effect.message }];
  }
}

/**
 * Effects that can all hold at once. A list that re-renders replaces its elements, so the same
 * locator is seen both leaving and arriving: it is there afterwards, so "disappeared" is dropped.
 */
export function consistentEffects(effects: UiEffect[]): UiEffect[] {
  const appeared = new Set(
    effects.flatMap((effect) => (effect.kind === 'appeared' ? [JSON.stringify(effect.target)] : [])),
  );
  return effects.filter(
    (effect) => effect.kind !== 'disappeared' || !appeared.has(JSON.stringify(effect.target)),
  );
}

/**
 * The effects a case checks: consistent with each other, each as much of it as does not hang on
 * a text the app derives from data that already exists or from the clock (see `checkablePart`).
 * `own` are the case's steps before the check.
 */
export function checkableEffects(
  context: UiGenerationContext,
  effects: UiEffect[],
  own: readonly TypedStep[] = [],
): UiEffect[] {
  return consistentEffects(effects).flatMap((effect) => checkablePart(context, effect, own) ?? []);
}

/**
 * The part of an effect a case can check: all of it; or, where only the text it showed is
 * derived from data or the clock (volatile-texts.ts) and its locator is not, that it appears,
 * without the text ("new journal" is there, whatever day its icon shows); or nothing. What is
 * left out is recorded once, with why, in the suite's skipped list.
 */
export function checkablePart(
  context: UiGenerationContext,
  effect: UiEffect,
  own: readonly TypedStep[] = [],
): UiEffect | undefined {
  const reason = context.volatile.reason(effect, own);
  if (reason === undefined) return effect;
  // Every text the locator finds it by, its scopes' and an item's included, must be steady.
  const steady =
    effect.kind === 'appeared' &&
    locatorTexts(effect.target).every(
      (text) =>
        context.volatile.reason({ kind: 'appeared', target: { strategy: 'text', text }, text }, own) ===
        undefined,
    );
  const kept = steady ? { ...effect, text: undefined } : undefined;
  if (context.once(`volatile ${JSON.stringify(effect)}`))
    context.skip(
      `effect ${effect.kind} ${JSON.stringify('target' in effect ? effect.target : effect)}`,
      kept
        ? `its text not expected exactly, only that it appears: ${reason}`
        : `not expected exactly: ${reason}`,
    );
  return kept;
}

const OPPOSITE: Partial<Record<UiElementState, UiElementState>> = {
  invalid: 'valid',
  disabled: 'enabled',
};

/**
 * What must NOT happen when a value is accepted, from what happened when it was rejected:
 * the message that appeared stays away, the field stays valid, the submit stays enabled.
 */
export function absenceAssertions(
  context: UiGenerationContext,
  page: string,
  effect: UiEffect,
): UiAssertion[] {
  if (effect.kind === 'appeared')
    return [{ kind: 'hidden', target: context.locatorTarget(page, effect.target) }];
  if (effect.kind === 'state-changed' && OPPOSITE[effect.state]) {
    return [
      { kind: 'state', target: context.locatorTarget(page, effect.target), state: OPPOSITE[effect.state]! },
    ];
  }
  return [];
}
