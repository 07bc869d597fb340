import type { ApiTestCase, Assertion, Step } from '../../core/test-case.ts';
import { describeAssertions, structuredBody } from '../../core/test-case.ts';
import { indentLines, pyString } from './python-literal.ts';
import { renderPyExpression, resourceVariable } from './render-expression.ts';
import { renderSend } from './render-request.ts';

const SEVERITY: Record<ApiTestCase['priority'], string> = {
  critical: 'CRITICAL',
  normal: 'NORMAL',
  low: 'MINOR',
};

/**
 * One test method, arranged as Arrange / Act / Assert steps like the Playwright render: resources
 * are created in Arrange, the request is sent in Act, and values are saved and created resources
 * tracked right after the response, before any check, so a failing test still cleans up.
 */
/** `, {"feature": feature}`: what the test already holds, for a sub-resource's recipe to use. */
function givenArgument(given: string[] | undefined): string {
  if (!given?.length) return '';
  return `, {${given.map((alias) => `${pyString(alias)}: ${resourceVariable(alias)}`).join(', ')}}`;
}

export function renderPyTest(testCase: ApiTestCase, methodName: string): string {
  const lines: string[] = [];
  if (testCase.steps.some((step) => step.saves.length > 0 || readsSaved(step))) {
    lines.push('saved: dict[str, object] = {}');
  }
  for (const use of testCase.uses) {
    lines.push(
      `with allure.step(${pyString(`Arrange: create a ${use.resource}`)}):`,
      `    ${resourceVariable(use.alias)} = resources.create(${pyString(use.resource)}${givenArgument(use.given)})`,
    );
  }
  testCase.steps.forEach((step, index) => lines.push(...renderStep(step, index + 1, testCase.steps.length)));
  if (lines.length === 0) lines.push('pass');
  const body = lines.join('\n');
  const fixtures = [
    'api',
    ...(testCase.uses.length > 0 || /\bresources\./.test(body) ? ['resources'] : []),
    ...(/\bvars\.get\(/.test(body) ? ['vars'] : []),
  ];
  return [
    ...decorators(testCase),
    `def ${methodName}(self, ${fixtures.join(', ')}) -> None:`,
    indentLines(body, '    '),
  ].join('\n');
}

function decorators(testCase: ApiTestCase): string[] {
  return [
    `@allure.feature(${pyString(testCase.group)})`,
    `@allure.story(${pyString(testCase.operation)})`,
    '@allure.suite("API")',
    // allure-pytest runs titles through str.format with the test's fixtures: braces are literal here.
    `@allure.title(${pyString(testCase.title.replace(/\{/g, '{{').replace(/\}/g, '}}'))})`,
    `@allure.tag(${pyString(testCase.kind)})`,
    `@allure.label("priority", ${pyString(testCase.priority)})`,
    `@allure.severity(allure.severity_level.${SEVERITY[testCase.priority]})`,
    `@pytest.mark.${testCase.kind}`,
    `@pytest.mark.${testCase.priority}`,
    ...(testCase.writes ? ['@pytest.mark.writes'] : []),
    `@pytest.mark.testops(case=${pyString(testCase.id)}, title=${pyString(testCase.title)}, operation=${pyString(testCase.operation)})`,
  ];
}

function renderStep(step: Step, number: number, total: number): string[] {
  const suffix = total > 1 ? String(number) : '';
  const response = `response${suffix}`;
  const jsonBody = structuredBody(step.request.body);
  const body = jsonBody ? `body${suffix}` : undefined;
  const lines: string[] = [];
  if (jsonBody && body) lines.push(`${body} = ${renderPyExpression(jsonBody)}`);
  const phase = step.phase === 'arrange' ? 'Arrange' : 'Act';
  lines.push(
    `with allure.step(${pyString(`${phase}: ${step.title}`)}):`,
    `    ${response} = ${renderSend(step.request, body, '    ')}`,
  );
  for (const save of step.saves) {
    const source = save.from === 'body' ? (body ?? 'None') : `${response}.json`;
    lines.push(`saved[${pyString(save.name)}] = field_at(${source}, ${pyString(save.path)})`);
  }
  // Only what the server says it made (see the Playwright renderer).
  if (step.track) {
    lines.push(
      `if ${response}.status < 300: resources.track(${pyString(step.track.resource)}, saved[${pyString(step.track.saved)}])`,
    );
  }
  if (step.assertions.length > 0) {
    lines.push(`with allure.step(${pyString(`Assert: ${describeAssertions(step.assertions)}`)}):`);
    lines.push(...step.assertions.map((assertion) => `    ${renderAssertion(assertion, response, body)}`));
  }
  return lines;
}

function renderAssertion(assertion: Assertion, response: string, body: string | undefined): string {
  switch (assertion.kind) {
    case 'status':
      return `expect_status(${response}, [${assertion.oneOf.join(', ')}])`;
    case 'content-type':
      return `expect_content_type(${response}, ${pyString(assertion.mediaType)})`;
    case 'documented-schema':
      return `expect_documented_schema(${response}, ${pyString(assertion.operation)})`;
    case 'field-equals':
      return `${assertion.enveloped ? 'expect_field_kept' : 'expect_field_equals'}(${response}, ${pyString(assertion.path)}, ${renderPyExpression(assertion.value, '    ')})`;
    case 'field-echoes':
      // Without a JSON body there is nothing sent to echo: the expected value is null.
      return `expect_field_equals(${response}, ${pyString(assertion.path)}, field_at(${body ?? 'None'}, ${pyString(assertion.bodyPath)}))`;
    case 'fields-within':
      return `expect_only_fields(${response}, ${pyString(assertion.path)}, [${assertion.fields.map(pyString).join(', ')}])`;
    case 'same-contract':
      return `expect_same_contract(${response})`;
    case 'array-length': {
      const bounds = [
        assertion.min !== undefined ? `min=${assertion.min}` : '',
        assertion.max !== undefined ? `max=${assertion.max}` : '',
      ].filter(Boolean);
      return `expect_array_length(${[response, pyString(assertion.path), ...bounds].join(', ')})`;
    }
  }
}

function readsSaved(step: Step): boolean {
  return JSON.stringify(step).includes('"kind":"saved"');
}
