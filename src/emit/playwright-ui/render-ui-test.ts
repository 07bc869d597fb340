import type { UiStep, UiStepAction, UiTestCase } from '../../core/ui-test-case.ts';
import { quote } from '../playwright-ts/render-expression.ts';
import { renderAction } from './render-action.ts';
import { renderAssertion } from './render-assertion.ts';
import { className, variableName } from './ts-names.ts';

const PHASES = { arrange: 'Arrange', act: 'Act', assert: 'Assert' } as const;

/**
 * From this many browser actions on, a test is marked slow (three times the 30 s timeout). Such a
 * test replays a flow first (a create, then its change or remove, a reload): on a heavy app on a
 * busy machine each step's own waiting adds up past the timeout, a failure that says nothing of
 * the app. A hang still fails, only later.
 */
export const SLOW_TEST_ACTIONS = 5;

/** One `test(...)`: page objects first, then Arrange / Act / Assert steps. */
export function renderUiTest(testCase: UiTestCase): string {
  let previous: UiStepAction | undefined;
  const steps = testCase.steps.flatMap((step) => {
    const lines = renderStep(step, previous);
    previous = step.actions.at(-1) ?? previous;
    return lines;
  });
  const actions = testCase.steps.reduce((sum, step) => sum + step.actions.length, 0);
  const slow =
    actions >= SLOW_TEST_ACTIONS
      ? [`// ${actions} browser actions: a flow replayed first takes its time.`, 'test.slow();']
      : [];
  const body = [...slow, ...pageObjects(testCase), '', ...steps].join('\n');
  const fixtures = [
    'page',
    ...(body.includes('consoleErrors') ? ['consoleErrors'] : []),
    ...(body.includes('dialogs.') ? ['dialogs'] : []),
  ];
  const args = `{ ${fixtures.join(', ')} }${body.includes('testInfo') ? ', testInfo' : ''}`;
  const details = `{ tag: [${[`@${testCase.kind}`, `@${testCase.priority}`].map(quote).join(', ')}], annotation: [${testCase.covers
    .map((covered) => `{ type: 'covers', description: ${quote(covered)} }`)
    .join(', ')}] }`;
  return [`test(${quote(testCase.title)}, ${details}, async (${args}) => {`, indent(body), '});'].join('\n');
}

/** Page objects of every page the test touches, in order of first use. */
export function pagesOf(testCase: UiTestCase): string[] {
  const pages = new Set<string>([testCase.page]);
  for (const step of testCase.steps) {
    for (const action of step.actions) {
      pages.add(action.kind === 'goto' ? action.page : action.target.page);
      if (action.kind === 'open-shared') pages.add(action.page);
    }
    for (const assertion of step.assertions) if ('target' in assertion) pages.add(assertion.target.page);
  }
  return [...pages];
}

function pageObjects(testCase: UiTestCase): string[] {
  return pagesOf(testCase).map((page) => `const ${variableName(page)} = new ${className(page)}(page);`);
}

/** `before`: the test's action before the step's first (the previous step's last). */
function renderStep(step: UiStep, before: UiStepAction | undefined): string[] {
  const actions = step.actions.map((action, index) =>
    renderAction(action, index > 0 ? step.actions[index - 1] : before),
  );
  const lines = [...actions, ...step.assertions.flatMap(renderAssertion)];
  return [
    `await test.step(${quote(`${PHASES[step.phase]}: ${step.title}`)}, async () => {`,
    indent(lines.join('\n')),
    '});',
  ];
}

export function indent(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');
}
