import type { StepNode } from '../model/source-model.ts';
import type { Phase, RuleSet } from '../ruleset/rule-types.ts';

/**
 * Which AAA phase a step title names: "Arrange: open the cart" → arrange. The words come from
 * the rule set's `phases`, so a team that writes Given/When/Then can say so in its rules file.
 */
export function phaseOf(text: string | undefined, ruleSet: RuleSet): Phase | undefined {
  return prefixOf(text, ruleSet)?.phase;
}

/** The title without its phase word and separator: "Act: click Pay" → "click Pay". */
export function actionOf(text: string | undefined, ruleSet: RuleSet): string {
  const found = prefixOf(text, ruleSet);
  if (!text) return '';
  return found
    ? text
        .slice(found.length)
        .replace(/^[\s:.\-–—]+/u, '')
        .trim()
    : text.trim();
}

// Step titles repeat across a suite ("Act: GET /items"): answers are cached per phases table.
const cache = new WeakMap<RuleSet['phases'], Map<string, { phase: Phase; length: number } | undefined>>();

function prefixOf(text: string | undefined, ruleSet: RuleSet): { phase: Phase; length: number } | undefined {
  if (!text) return undefined;
  let answers = cache.get(ruleSet.phases);
  if (!answers) {
    answers = new Map();
    cache.set(ruleSet.phases, answers);
  }
  if (answers.has(text)) return answers.get(text);
  const found = findPrefix(text, ruleSet);
  if (answers.size < 50_000) answers.set(text, found);
  return found;
}

function findPrefix(text: string, ruleSet: RuleSet): { phase: Phase; length: number } | undefined {
  const lower = text.trimStart().toLowerCase();
  const offset = text.length - text.trimStart().length;
  for (const [phase, words] of Object.entries(ruleSet.phases) as [Phase, string[]][]) {
    for (const word of words) {
      const candidate = word.toLowerCase();
      // The word must end there: "Actually" is not "Act".
      if (lower.startsWith(candidate) && !/[\p{L}\p{N}]/u.test(lower.charAt(candidate.length)))
        return { phase, length: offset + candidate.length };
    }
  }
  return undefined;
}

/** The step's own title and its nested steps' titles: where an expected result may be stated. */
export function stepTexts(step: StepNode): string[] {
  return [step.text ?? '', ...step.steps.flatMap(stepTexts)];
}
