import type { CaseDraft } from './case-set.ts';

/** Word overlap (Jaccard) above which two cases of the same requirement are one case. */
const SAME_CASE = 0.75;

/**
 * Whether a proposed case repeats one already in the set: the same title, or — for the same
 * requirement — nearly the same words in its title and steps.
 */
export function isDuplicateCase(existing: CaseDraft, proposed: CaseDraft): boolean {
  if (normalised(existing.title) === normalised(proposed.title)) return true;
  const shared = proposed.trace.some((trace) =>
    existing.trace.some((other) => JSON.stringify(other) === JSON.stringify(trace)),
  );
  return shared && overlap(words(existing), words(proposed)) >= SAME_CASE;
}

function normalised(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function words(draft: CaseDraft): Set<string> {
  const text = [draft.title, ...draft.steps.flatMap((step) => [step.action, step.expected ?? ''])].join(' ');
  return new Set(
    normalised(text)
      .split(' ')
      .filter((word) => word.length > 2),
  );
}

function overlap(left: Set<string>, right: Set<string>): number {
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  const union = left.size + right.size - shared;
  return union === 0 ? 1 : shared / union;
}
