import type { UiEffect } from '../../core/page-model.ts';
import type { UiAssertion, UiElementState } from '../../core/ui-test-case.ts';
import { isTextLocatorFor } from './describe.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/** The assertions that prove an observed effect happened again, with its new value. */
export function effectAssertions(
  context: UiGenerationContext,
  page: string,
  effect: UiEffect,
): UiAssertion[] {
  switch (effect.kind) {
    case 'text-changed':
      return [{ kind: 'text', target: context.locatorTarget(page, effect.target), text: effect.after }];
    case 'appeared': {
      const target = context.locatorTarget(page, effect.target);
      const visible: UiAssertion = { kind: 'visible', target };
      if (effect.text === undefined || isTextLocatorFor(effect.target, effect.text)) return [visible];
      // A dialog's or panel's text was read as rendered (line breaks between blocks); the DOM's
      // text has none, so a block is checked by its first line rather than to the letter.
      const firstLine = effect.text.split('\n')[0]!.trim();
      if (effect.text.includes('\n') || effect.text.length > 80) {
        return firstLine ? [visible, { kind: 'text', target, text: firstLine.slice(0, 80), contains: true }] : [visible];
      }
      return [visible, { kind: 'text', target, text: effect.text }];
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
