import type { StepNode } from '../model/source-model.ts';
import { listParameter } from './parameters.ts';
import { at, type FileRule } from './rule-check.ts';
import { phaseOf, stepTexts } from './step-phases.ts';

/** A manual case takes no fixtures and returns nothing: it is run by a person, not by pytest. */
export const structureSignature: FileRule = {
  id: 'structure-signature',
  checkFile: (file) =>
    file.tests
      .filter((test) => test.suite !== undefined)
      .filter((test) => test.params.join(',') !== 'self' || test.returns !== 'None')
      .map((test) => ({
        ...at(test),
        test,
        message: `${test.id} is declared as (${test.params.join(', ')})${test.returns ? ` -> ${test.returns}` : ''}, not (self) -> None`,
      })),
};

/** One way to write steps, so cases read (and are converted by TestOps) the same way. */
export const structureStepImport: FileRule = {
  id: 'structure-step-import',
  checkFile: (file) => {
    const imported = file.imports.some(
      (item) => item.module === 'allure' && item.name === 'step' && item.alias === 'allure_step',
    );
    const steps = file.tests.flatMap((test) => test.steps.flatMap(allSteps).map((step) => ({ test, step })));
    const problems = steps.filter(({ step }) => step.callee !== 'allure_step' || !imported);
    const first = problems[0];
    if (!first) return [];
    return [
      {
        ...at(first.step),
        test: first.test,
        message:
          first.step.callee === 'allure_step'
            ? 'allure_step is used but not imported as `from allure import step as allure_step`'
            : `steps are written with ${first.step.callee}(…) instead of allure_step(…) (${problems.length} step(s))`,
      },
    ];
  },
};

/** A manual step without an expected result cannot fail: the tester does not know what to check. */
export const structureExpectedResult: FileRule = {
  id: 'structure-expected-result',
  checkFile: (file, { rule, ruleSet }) => {
    const phases = new Set(listParameter(rule, 'phases'));
    const markers = listParameter(rule, 'markers').map((marker) => marker.toLowerCase());
    return file.tests.flatMap((test) =>
      test.steps
        .filter((step) => phases.has(phaseOf(step.text, ruleSet) ?? ''))
        .filter(
          (step) => !stepTexts(step).some((text) => markers.some((m) => text.toLowerCase().includes(m))),
        )
        .map((step) => ({
          ...at(step),
          test,
          message: `step "${step.text ?? ''}" of ${test.id} states no expected result`,
        })),
    );
  },
};

function allSteps(step: StepNode): StepNode[] {
  return [step, ...step.steps.flatMap(allSteps)];
}
