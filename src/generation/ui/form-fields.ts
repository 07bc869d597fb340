import type { UiElement } from '../../core/page-model.ts';

const NOT_FILLABLE = new Set([
  'checkbox',
  'radio',
  'range',
  'file',
  'hidden',
  'submit',
  'button',
  'image',
  'reset',
  'color',
]);
const FILLABLE_ROLES = new Set(['textbox', 'searchbox', 'spinbutton']);

/** Text-like fields a test can `fill` (sliders, radios and files cannot be). */
export function isFillable(element: UiElement): boolean {
  if (element.inputType && NOT_FILLABLE.has(element.inputType)) return false;
  return FILLABLE_ROLES.has(element.role) || element.tag === 'textarea';
}

/** Native selects, chosen by option value. */
export function isSelectable(element: UiElement): boolean {
  return element.role === 'combobox' && (element.constraints?.options?.length ?? 0) > 0;
}
