import type { ObservedInteraction, UiElement } from '../../core/page-model.ts';

export interface Boundary {
  /** `at`: the limit itself (accepted); `beyond`: one step past it (rejected). */
  side: 'at' | 'beyond';
  bound: 'minimum' | 'maximum' | 'minimum length' | 'maximum length';
  limit: string;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Whether a filled value sits on or past a limit the field declares. */
export function boundaryOf(element: UiElement | undefined, value: string): Boundary | undefined {
  const constraints = element?.constraints;
  if (!constraints) return undefined;
  if (NUMBER.test(value)) {
    const number = Number(value);
    const max = numeric(constraints.max);
    const min = numeric(constraints.min);
    if (max !== undefined && number >= max)
      return { side: number === max ? 'at' : 'beyond', bound: 'maximum', limit: constraints.max! };
    if (min !== undefined && number <= min)
      return { side: number === min ? 'at' : 'beyond', bound: 'minimum', limit: constraints.min! };
  }
  const { maxLength, minLength } = constraints;
  if (maxLength !== undefined && value.length >= maxLength)
    return {
      side: value.length === maxLength ? 'at' : 'beyond',
      bound: 'maximum length',
      limit: String(maxLength),
    };
  if (minLength !== undefined && value.length > 0 && value.length <= minLength)
    return {
      side: value.length === minLength ? 'at' : 'beyond',
      bound: 'minimum length',
      limit: String(minLength),
    };
  return undefined;
}

/** The accepted value at a boundary whose rejected neighbour was observed. */
export function valueAtLimit(boundary: Boundary, rejected: string): string {
  if (boundary.bound === 'maximum length') return rejected.slice(0, Number(boundary.limit));
  if (boundary.bound === 'minimum length')
    return rejected.padEnd(Number(boundary.limit), rejected.at(-1) ?? 'a');
  return boundary.limit;
}

export function boundaryInteraction(
  element: UiElement | undefined,
  interaction: ObservedInteraction,
): Boundary | undefined {
  return interaction.action.kind === 'fill' ? boundaryOf(element, interaction.action.value) : undefined;
}

function numeric(text: string | undefined): number | undefined {
  return text !== undefined && NUMBER.test(text) ? Number(text) : undefined;
}
