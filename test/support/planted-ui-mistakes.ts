import type { UiSuite, UiTarget, UiTestCase } from '../../src/core/ui-test-case.ts';

/**
 * Two test mistakes planted in a price calculator suite (through `generateUi`'s `alterDesign`
 * seam): cases checking the configure page's button by names it does not have. The recorded
 * repairs (test/fixtures/llm/answers/calculator-repairs.json) fix the first with an element the
 * page has and name a missing element for the second.
 */
export function plantUiMistakes(suite: UiSuite): UiSuite {
  const planted = [
    plantedCase(suite, 'configure-vm-repair-locator', 'Add to estimates'),
    plantedCase(suite, 'configure-vm-repair-missing', 'Add to basket'),
  ];
  return {
    ...suite,
    pages: suite.pages.map((page) =>
      page.id === 'configure-vm'
        ? { ...page, locators: [...page.locators, ...planted.map((entry) => entry.target)] }
        : page,
    ),
    // Only the planted cases: the run is about them (the smoke case is their template).
    cases: planted.map((entry) => entry.testCase),
  };
}

function plantedCase(
  suite: UiSuite,
  id: string,
  buttonName: string,
): { testCase: UiTestCase; target: UiTarget } {
  const smoke = suite.cases.find((testCase) => testCase.id === 'configure-vm-smoke')!;
  const target: UiTarget = {
    page: 'configure-vm',
    name: id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()),
    locator: { strategy: 'role', role: 'button', name: buttonName, exact: true },
  };
  return {
    target,
    testCase: {
      ...smoke,
      id,
      title: `Configure page offers "${buttonName}"`,
      steps: [
        smoke.steps[0]!,
        { title: 'the button', phase: 'assert', actions: [], assertions: [{ kind: 'visible', target }] },
      ],
    },
  };
}
