import type {
  ExistingTest,
  TestAssertion,
  TestLocator,
  TestRef,
  TestRequest,
  TestStep,
  TestUiAction,
} from '../core/existing-test.ts';
import { canonicalValue, literalsOf, normaliseText, pathTemplate } from './normalise.ts';

/**
 * What a request sends, normalised: method, path template, query, path parameters, body,
 * credentials, and the state the test set up first. Two tests with the same input expect the
 * same answer; with different inputs they test different things, however alike their texts.
 */
export function requestInput(request: TestRequest): string {
  return [
    `${request.method} ${pathTemplate(request.path)}`,
    `q=${canonicalValue(request.query)}`,
    `p=${canonicalValue(request.pathParams)}`,
    `b=${canonicalValue(request.body)}`,
    `a=${request.auth ?? ''}`,
    `after=${request.context.map((entry) => entry.toLowerCase()).join(';')}`,
  ].join(' ');
}

export function requestSignature(request: TestRequest): string {
  return `${requestInput(request)} -> ${statusesOf(request)}`;
}

export function statusesOf(request: TestRequest): string {
  return [...request.expectedStatuses].sort((a, b) => a - b).join('|');
}

export function assertionSignature(assertion: TestAssertion): string {
  const subject = assertion.request === undefined ? '' : `#${assertion.request}`;
  return `${assertion.kind}${subject}(${assertion.args.map(canonicalValue).join(',')})`;
}

export function locatorSignature(locator: TestLocator | undefined): string {
  if (!locator) return 'page';
  const inside = locator.within ? ` in ${locatorSignature(locator.within)}` : '';
  switch (locator.strategy) {
    case 'role':
      return `role=${locator.role}[${normaliseText(locator.name)}]${inside}`;
    case 'label':
    case 'placeholder':
    case 'text':
      return `${locator.strategy}=${normaliseText(locator.text)}${inside}`;
    case 'testid':
      return `testid=${locator.testId}${inside}`;
    case 'css':
      return `css=${locator.selector}${inside}`;
    case 'id':
      // The same signature as a hand-written `page.locator('#id')`.
      return `css=#${locator.id}${inside}`;
    case 'class':
      return `css=${locator.tag}.${locator.className}${inside}`;
    case 'item':
      return `css=${locator.selector}[has-text=${normaliseText(locator.text)}]${inside}`;
  }
}

/** A locator as people read it: `button "Download PDF"`, `label "Region" in dialog "Contact"`. */
export function describeLocator(locator: TestLocator): string {
  const inside = locator.within ? ` in ${describeLocator(locator.within)}` : '';
  switch (locator.strategy) {
    case 'role':
      return `${locator.role}${locator.name === undefined ? '' : ` "${locator.name}"`}${inside}`;
    case 'label':
    case 'placeholder':
    case 'text':
      return `${locator.strategy} "${locator.text}"${inside}`;
    case 'testid':
      return `test id "${locator.testId}"${inside}`;
    case 'css':
      return `css "${locator.selector}"${inside}`;
    case 'id':
      return `element id "${locator.id}"${inside}`;
    case 'class':
      return `css "${locator.tag}.${locator.className}"${inside}`;
    case 'item':
      return `css "${locator.selector}" holding "${locator.text}"${inside}`;
  }
}

export function uiSignature(action: TestUiAction): string {
  const target = action.kind === 'goto' ? (action.url ?? '') : locatorSignature(action.target);
  return [action.kind, action.matcher, target, action.value].filter((part) => part).join(' ');
}

export function stepSignature(step: TestStep): string {
  return `${step.phase}: ${normaliseText(step.text)} => ${normaliseText(step.expected)}`;
}

/** Everything a test does and checks, titles aside: equal fingerprints are exact duplicates. */
export function exactFingerprint(test: ExistingTest): string {
  const parts = [
    ...test.steps.map(stepSignature),
    ...test.requests.map(requestSignature),
    ...test.assertions.map(assertionSignature),
    ...test.uiActions.map(uiSignature),
  ];
  return parts.length === 0 ? '' : parts.join('\n');
}

/** Automated tests: requests and UI actions drive them. Manual cases are only text. */
export function isAutomated(test: ExistingTest): boolean {
  return test.requests.length > 0 || test.uiActions.length > 0;
}

/** What an automated test feeds in and expects back; equal keys are candidates for near duplicates. */
export function behaviourKey(test: ExistingTest): string {
  return [
    ...test.requests.map(requestSignature),
    ...test.uiActions.filter((action) => action.kind !== 'expect').map(uiSignature),
  ].join('\n');
}

/** The values a manual case names (`100 instances`, `"Moscow"`): different values, different cases. */
export function manualLiterals(test: ExistingTest): string {
  return literalsOf(test.steps.map((step) => `${step.text} ${step.expected ?? ''}`).join(' ')).join('|');
}

/** Title, step texts and expected results: what a test says it does, for text similarity. */
export function testText(test: ExistingTest): string {
  return [test.title, stepsText(test)].join('\n');
}

/** Step texts and expected results; titles left out, a reworded copy is often retitled too. */
export function stepsText(test: ExistingTest): string {
  return test.steps.flatMap((step) => [step.text, step.expected ?? '']).join('\n');
}

export function refOf(test: ExistingTest): TestRef {
  return { id: test.id, title: test.title, file: test.file, line: test.line, framework: test.framework };
}
