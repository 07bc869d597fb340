// A replay that creates with letters of its own. The explorer sees each interaction twice, on
// two loads at once; a create that types a marked text (`test-qzkwxj`) would create the same
// item twice on an app that keeps its data on a server, and the second is refused ("already
// exists") or lands elsewhere, so a good create looked irreproducible. The replay types other
// letters, as each run of a generated test does, and reads what it saw with the original mark
// in their place: the two are compared as the same create.
import type { UiAction } from '../../core/page-model.ts';
import type { InteractionPlan } from './plan-interactions.ts';
import { newMark } from './sample-values.ts';

export interface OwnMarks {
  plan: InteractionPlan;
  /** Text the replay produced, with the plan's marks back in place of its own letters. */
  asPlanned: (text: string) => string;
}

function marksOf(plan: InteractionPlan): string[] {
  const marks = [...plan.setup, plan.action].flatMap((step) =>
    step.kind === 'fill' && step.mark ? [step.mark] : [],
  );
  return [...new Set(marks)];
}

/** Letters of its own for each mark: a fill typing a mark types them instead, and back. */
export interface OwnLetters {
  swap: (step: UiAction) => UiAction;
  /** Text read with these letters, the marks back in their place. */
  asPlanned: (text: string) => string;
  /** A value read with these letters (locators, controls, dialogs), the marks back in their place. */
  asRecorded: <T>(value: T) => T;
}

export function ownLetters(marks: string[], mark: () => string = newMark): OwnLetters {
  const own = new Map(marks.map((planned) => [planned, mark()]));
  const asPlanned = (text: string) =>
    [...own].reduce((result, [planned, letters]) => result.split(letters).join(planned), text);
  return {
    swap: (step) => {
      const letters = step.kind === 'fill' && step.mark ? own.get(step.mark) : undefined;
      if (step.kind !== 'fill' || !step.mark || letters === undefined) return step;
      return { ...step, value: step.value.split(step.mark).join(letters), mark: letters };
    },
    asPlanned,
    asRecorded: <T>(value: T): T => JSON.parse(asPlanned(JSON.stringify(value))) as T,
  };
}

/** The plan with each mark replaced by new letters (the same throughout the plan), and the way back. */
export function withOwnMarks(plan: InteractionPlan, mark: () => string = newMark): OwnMarks {
  const marks = marksOf(plan);
  if (marks.length === 0) return { plan, asPlanned: (text) => text };
  const { swap, asPlanned } = ownLetters(marks, mark);
  return { plan: { ...plan, setup: plan.setup.map(swap), action: swap(plan.action) }, asPlanned };
}
