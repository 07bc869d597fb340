// Values the explorer types or picks to see how a page reacts: a different valid value for each
// kind of field, and a value just above a numeric maximum to see the validation it triggers.
import type { FieldConstraints } from '../../core/page-model.ts';

const byInputType: Record<string, string> = {
  email: 'test@example.com',
  url: 'https://example.com',
  tel: '+15550100',
  date: '2024-01-15',
  time: '12:30',
  'datetime-local': '2024-01-15T12:30',
  month: '2024-01',
  week: '2024-W03',
  color: '#336699',
  password: 'Example-password-1',
};

function numberOr(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && text !== '' && Number.isFinite(value) ? value : fallback;
}

/** A valid number different from the current one: one step up, or down at the maximum. */
export function nextNumber(current: string | undefined, constraints: FieldConstraints | undefined): string {
  const min = numberOr(constraints?.min, -Infinity);
  const max = numberOr(constraints?.max, Infinity);
  const step = numberOr(constraints?.step, 1) || 1;
  const value = numberOr(current, Number.isFinite(min) ? min : 0);
  const up = value + step;
  const next = up <= max ? up : value - step >= min ? value - step : value;
  return String(Number(next.toFixed(6)));
}

/** One above the maximum (one step when steps are fractional), or undefined without a maximum. */
export function aboveMaximum(constraints: FieldConstraints | undefined): string | undefined {
  if (constraints?.max === undefined) return undefined;
  const max = Number(constraints.max);
  if (!Number.isFinite(max)) return undefined;
  const step = numberOr(constraints.step, 1);
  return String(Number((max + (Number.isInteger(step) ? 1 : step)).toFixed(6)));
}

/** Text for a free-text field: the example of an "e.g. …" placeholder, else a neutral word. */
export function sampleText(inputType: string | undefined, placeholder: string, maxLength?: number): string {
  const typed = inputType ? byInputType[inputType] : undefined;
  if (typed) return typed;
  const example = /^(?:e\.g\.|for example|например)[:\s]*([^,;]+)/i.exec(placeholder.trim())?.[1]?.trim();
  const text = example || 'test';
  return maxLength !== undefined && maxLength > 0 ? text.slice(0, maxLength) : text;
}

/**
 * Letters that make a created item's text new to the app (`test-qzkwxj`): an app that keeps its
 * data on a server refuses, or asks before overwriting, a second item of the same title. Letters
 * only: a number in it would read as a count or a renumbered title.
 */
export function newMark(random: () => number = Math.random): string {
  return Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
}

/**
 * `text` with a mark of its own, unless a length limit leaves no room for it. Joined by a hyphen:
 * what a user names often becomes a key or a URL segment (a flag, a slug, a user name), whose
 * validation refuses a space but takes a hyphen; a title takes either.
 */
export function markedText(
  text: string,
  mark: string,
  maxLength: number | undefined,
): { value: string; mark?: string } {
  const value = `${text}-${mark}`;
  return maxLength !== undefined && maxLength > 0 && value.length > maxLength
    ? { value: text }
    : { value, mark };
}

/** Another option of a select: the first enabled one that is not the current value. */
export function otherOption(
  current: string | undefined,
  constraints: FieldConstraints | undefined,
): string | undefined {
  return constraints?.options?.find((option) => option.value !== current)?.value;
}
