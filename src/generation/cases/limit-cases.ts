import type { CaseDraft, CaseDesignOptions } from './case-set.ts';
import { act, check, lowerFirst } from './manual-steps.ts';
import { describeRequirement, requirementDraftBase, type RequirementContext } from './requirement-context.ts';
import { checkAction, openStep } from './statement-cases.ts';
import { findLimits, type StatementLimit } from './statement-limits.ts';

// Boundary value analysis on the limits written in a statement: the maximum is accepted and
// one above it rejected; the minimum (written, or 1 when only a maximum is given) is accepted
// and one below a written minimum rejected. "maximum 99" → 99 ✓, 100 ✗, 1 ✓.

type Verdict = 'min' | 'max' | 'below' | 'above';

export function limitCases(context: RequirementContext, options: CaseDesignOptions): CaseDraft[] {
  return findLimits(context.requirement.text).flatMap((limit) =>
    boundaryValues(limit).map(({ value, verdict }) => boundaryCase(context, options, limit, value, verdict)),
  );
}

function boundaryValues(limit: StatementLimit): { value: number; verdict: Verdict }[] {
  const step = [limit.min, limit.max].every((bound) => bound === undefined || Number.isInteger(bound))
    ? 1
    : 0.1;
  const values: { value: number; verdict: Verdict }[] = [];
  if (limit.max !== undefined)
    values.push({ value: limit.max, verdict: 'max' }, { value: round(limit.max + step), verdict: 'above' });
  if (limit.min !== undefined && limit.min !== limit.max) values.push({ value: limit.min, verdict: 'min' });
  if (limit.min !== undefined && !limit.impliedMin && limit.min - step >= 0)
    values.push({ value: round(limit.min - step), verdict: 'below' });
  return values;
}

function boundaryCase(
  context: RequirementContext,
  options: CaseDesignOptions,
  limit: StatementLimit,
  value: number,
  verdict: Verdict,
): CaseDraft {
  const { phrases, requirement } = context;
  const subject = subjectName(context, limit);
  const shown =
    limit.unit && !limit.subjectIsUnit && !mentions(subject, limit.unit)
      ? `${value} ${limit.unit}`
      : `${value}`;
  const bound = verdict === 'below' ? limit.min! : (limit.max ?? value);
  const accepted = verdict === 'min' || verdict === 'max';
  return {
    ...requirementDraftBase(context, options),
    title: phrases.boundaryTitle(subject, verdict, shown, bound),
    description: describeRequirement(context),
    kind: 'boundary',
    steps: [
      openStep(context),
      act(
        phrases.setValue(lowerFirst(subject), shown),
        accepted ? phrases.accepted(shown) : phrases.rejected(shown),
      ),
      check(phrases.checkResult, accepted ? phrases.keeps(shown) : phrases.stays),
      check(checkAction(context), requirement.text),
    ],
  };
}

/** "Number of services" when the sentence only counted a unit ("From 2 to 3 services …"). */
function subjectName(context: RequirementContext, limit: StatementLimit): string {
  if (!limit.subjectIsUnit || !limit.unit) return limit.subject;
  return context.language === 'ru' ? `Количество ${limit.unit}` : `Number of ${limit.unit}`;
}

function mentions(subject: string, unit: string): boolean {
  return subject.toLowerCase().includes(unit.toLowerCase().split(/\s+/)[0]!);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
