import { at, type FileRule } from './rule-check.ts';
import { numberParameter } from './parameters.ts';

/** Every test has a non-empty title: the name reviewers, reports and TestOps show. */
export const structureTitle: FileRule = {
  id: 'structure-title',
  checkFile: (file) =>
    file.tests
      .filter((test) => test.titleKind === 'missing' || (test.titleKind === 'literal' && !test.title?.trim()))
      .map((test) => ({
        ...at(test.titleKind === 'missing' ? test : test.titleAt),
        test,
        message:
          test.titleKind === 'missing'
            ? `${test.id} has no title (@allure.title)`
            : `${test.id} has an empty title`,
      })),
};

/** A manual case says what it is for: the first thing a tester reads before running it. */
export const structureDescription: FileRule = {
  id: 'structure-description',
  checkFile: (file) =>
    file.tests
      .filter((test) => !test.description?.trim())
      .map((test) => ({
        ...at(test),
        test,
        message: `${test.id} has no description (docstring or @allure.description)`,
      })),
};

/**
 * A manual case is its steps: Arrange/Act/Assert blocks, nothing between them, so TestOps shows
 * exactly what a tester does. A docstring first and attachments are allowed.
 */
export const structureSteps: FileRule = {
  id: 'structure-steps',
  checkFile: (file, { rule }) => {
    const minimum = numberParameter(rule, 'minSteps');
    return file.tests.flatMap((test) => {
      if (test.steps.length === 0)
        return [{ ...at(test), test, message: `${test.id} has no steps (with allure_step("…") blocks)` }];
      const problems = [];
      if (test.steps.length < minimum)
        problems.push({
          ...at(test),
          test,
          message: `${test.id} has ${test.steps.length} step(s); at least ${minimum} expected`,
        });
      if (test.body.includes('other'))
        problems.push({
          ...at(test),
          test,
          message: `${test.id} has statements besides its step blocks`,
          recommendation:
            'Keep only `with allure_step(…)` blocks (and allure.attach.file calls) in a manual case body.',
        });
      else if (!isConsecutive(test.body))
        problems.push({ ...at(test), test, message: `${test.id}: its step blocks are not consecutive` });
      return problems;
    });
  },
};

/** An autotest without an assertion passes whatever the system does. */
export const structureAssertions: FileRule = {
  id: 'structure-assertions',
  checkFile: (file) =>
    file.tests
      .filter((test) => test.assertions === 0)
      .map((test) => ({ ...at(test), test, message: `${test.id} asserts nothing` })),
};

function isConsecutive(body: string[]): boolean {
  const first = body.indexOf('step');
  const last = body.lastIndexOf('step');
  return body.slice(first, last + 1).every((item) => item === 'step' || item === 'attach');
}
