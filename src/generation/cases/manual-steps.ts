import type { ManualStep } from '../../core/manual-case.ts';

// Step builders keep the Arrange → Act → Assert shape uniform: arrange steps set the scene
// (an expected result is optional), act and assert steps always say what must be seen.

export function arrange(action: string, expected?: string): ManualStep {
  return { phase: 'arrange', action: sentence(action), expected: expected ? sentence(expected) : undefined };
}

export function act(action: string, expected: string): ManualStep {
  return { phase: 'act', action: sentence(action), expected: sentence(expected) };
}

export function check(action: string, expected: string): ManualStep {
  return { phase: 'assert', action: sentence(action), expected: sentence(expected) };
}

/** Capitalised, single-spaced, without a trailing full stop (the renderers add their own). */
export function sentence(text: string): string {
  const flat = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;,]+$/, '');
  return flat.charAt(0).toUpperCase() + flat.slice(1);
}

/** `a, b and c` (`и` in Russian). */
export function joinWords(parts: string[], and = 'and'): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`;
}

/** A long text cut at a word boundary for titles and step names. */
export function shorten(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** "The estimate" → "the estimate", "A Free Tier product" → "a Free Tier product"; "GPU" stays. */
export function lowerFirst(text: string): string {
  return /^\p{Lu}(?:\p{Ll}|\s)/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
