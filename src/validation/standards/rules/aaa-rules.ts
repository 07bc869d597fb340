import type { SourceFile, StepNode, TestNode } from '../model/source-model.ts';
import type { Phase, RuleSet } from '../ruleset/rule-types.ts';
import { listParameter } from './parameters.ts';
import { at, type Draft, type FileRule } from './rule-check.ts';
import { actionOf, phaseOf } from './step-phases.ts';

/** Steps out of Arrange → Act → Assert order, for the rule and for `--fix`. */
export function misorderedSteps(
  test: TestNode,
  ruleSet: RuleSet,
  allowArrangeChecks: boolean,
): { step: StepNode; problem: string }[] {
  const phases = test.steps.map((step) => phaseOf(step.text, ruleSet));
  const firstAct = phases.indexOf('act');
  if (firstAct === -1) return [];
  const found: { step: StepNode; problem: string }[] = [];
  let previous: Phase | undefined;
  test.steps.forEach((step, index) => {
    const phase = phases[index];
    if (phase === 'assert' && index < firstAct && !(allowArrangeChecks && previous === 'arrange'))
      found.push({
        step,
        problem: `Assert step comes before the first Act step (line ${test.steps[firstAct]!.line})`,
      });
    if (phase === 'arrange' && index > firstAct)
      found.push({
        step,
        problem: `Arrange step comes after the first Act step (line ${test.steps[firstAct]!.line})`,
      });
    // An Assert right after an Arrange checks what was arranged; a run of them still does.
    if (phase && !(phase === 'assert' && previous === 'arrange')) previous = phase;
  });
  return found;
}

export const aaaOrder: FileRule = {
  id: 'aaa-order',
  checkFile: (file, { rule, ruleSet }) => {
    const allowChecks = listParameter(rule, 'allowArrangeChecksIn').includes(file.kind);
    return file.tests.flatMap((test) =>
      misorderedSteps(test, ruleSet, allowChecks).map(({ step, problem }) => ({
        ...at(step),
        test,
        message: `${test.id}: ${problem}: "${step.text ?? ''}"`,
      })),
    );
  },
};

/** A case without an action checks a state nobody produced; an empty Act block does nothing. */
export const aaaEmptyAct: FileRule = {
  id: 'aaa-empty-act',
  checkFile: (file, { ruleSet }) => file.tests.flatMap((test) => emptyActs(file, test, ruleSet)),
};

function emptyActs(file: SourceFile, test: TestNode, ruleSet: RuleSet): Draft[] {
  const phases = test.steps.map((step) => phaseOf(step.text, ruleSet));
  if (!phases.some(Boolean)) return [];
  if (!phases.includes('act')) return [{ ...at(test), test, message: `${test.id} has no Act step` }];
  return test.steps.flatMap((step, index): Draft[] => {
    if (phases[index] !== 'act') return [];
    if (actionOf(step.text, ruleSet) === '')
      return [{ ...at(step), test, message: `the Act step of ${test.id} does not say what to do` }];
    // A manual step's block is always `pass`: only an autotest's Act block has to do something.
    if (step.empty && file.kind !== 'allure-manual')
      return [{ ...at(step), test, message: `the Act step "${step.text ?? ''}" of ${test.id} does nothing` }];
    return [];
  });
}

/** Phase words in step titles make the AAA structure visible in TestOps and in reports. */
export const aaaStepNaming: FileRule = {
  id: 'aaa-step-naming',
  checkFile: (file, { ruleSet }) => {
    const words = Object.values(ruleSet.phases)
      .flat()
      .map((word) => `"${word}:"`)
      .join(', ');
    return file.tests.flatMap((test) =>
      test.steps
        .filter((step) => phaseOf(step.text, ruleSet) === undefined)
        .map((step) => ({
          ...at(step),
          test,
          message: `step "${step.text ?? '(not a literal)'}" of ${test.id} does not start with ${words}`,
        })),
    );
  },
};
