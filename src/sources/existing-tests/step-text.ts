import type { StepPhase } from '../../core/existing-test.ts';

export interface StepText {
  phase: StepPhase;
  text: string;
  expected: string | undefined;
  /** The whole step is an expected result (`Expected: …`), written as a step of its own. */
  isExpectation: boolean;
}

// Labelled phases need their colon ("Check the box" is an action, "Check: …" is not); Gherkin
// keywords do not.
const LABELLED: [RegExp, StepPhase][] = [
  [/^(arrange|setup|set up|preconditions?|подготовка|предусловия?)\s*[:.\u2013\u2014-]\s*/i, 'arrange'],
  [/^(act|action|actions|steps?|действие|действия|шаг)\s*[:.\u2013\u2014-]\s*/i, 'act'],
  [/^(assert|verify|check|expect|проверка)\s*[:.\u2013\u2014-]\s*/i, 'assert'],
];
const GHERKIN: [RegExp, StepPhase][] = [
  [/^(given|дано)\s+/i, 'arrange'],
  [/^(when|когда)\s+/i, 'act'],
  [/^(then|тогда)\s+/i, 'assert'],
];
const EXPECTATION = /^(expected(\s+results?)?|ожидаемый\s+результат|ор)\s*[:\u2013\u2014-]\s*/i;
// `Act: click "Add" → expected a dialog opens` (our case emitter), `… — Expected: …`, `… => …`.
const INLINE_EXPECTATION = new RegExp(
  [
    String.raw`\s*(?:\u2192|=>|->)\s*(?:(?:expected(?:\s+results?)?|ожидаемый\s+результат)\s*[:\u2013\u2014-]?)?\s*`,
    String.raw`\s*(?:[;,.]|[\u2013\u2014-]+)?\s*\b(?:expected(?:\s+results?)?|ожидаемый\s+результат)\s*[:\u2013\u2014-]\s*`,
  ].join('|'),
  'i',
);

/**
 * Reads a step title: its AAA phase (`Act: …`, `When …`), its text, and an expected result
 * written inline (`Click "Add" — Expected: a dialog opens`).
 */
export function parseStepText(raw: string): StepText {
  const trimmed = raw.replace(/\s+/g, ' ').trim();
  const expectation = EXPECTATION.exec(trimmed);
  if (expectation) {
    const text = trimmed.slice(expectation[0].length);
    return { phase: 'assert', text, expected: text, isExpectation: true };
  }
  const { phase, rest } = phaseOf(trimmed);
  const inline = INLINE_EXPECTATION.exec(rest);
  if (inline && inline.index > 0) {
    const expected = rest.slice(inline.index + inline[0].length).trim();
    return {
      phase,
      text: rest.slice(0, inline.index).trim(),
      expected: expected || undefined,
      isExpectation: false,
    };
  }
  return { phase, text: rest, expected: undefined, isExpectation: false };
}

function phaseOf(text: string): { phase: StepPhase; rest: string } {
  for (const [pattern, phase] of [...LABELLED, ...GHERKIN]) {
    const match = pattern.exec(text);
    if (match) return { phase, rest: text.slice(match[0].length) };
  }
  return { phase: 'unknown', rest: text };
}
