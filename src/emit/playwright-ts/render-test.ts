import {
  describeAssertions,
  structuredBody,
  type ApiTestCase,
  type Assertion,
  type RequestSpec,
  type Step,
} from '../../core/test-case.ts';
import { quote, renderExpression, usesVars, variableName } from './render-expression.ts';

/** One `test(...)` of a Playwright spec file, arranged as Arrange / Act / Assert steps. */
export function renderTest(testCase: ApiTestCase): string {
  const lines: string[] = [];
  if (testCase.steps.some((step) => step.saves.length > 0 || stepReadsSaved(step)))
    lines.push('const saved: Record<string, unknown> = {};');
  for (const use of testCase.uses) {
    lines.push(
      `const ${variableName(use.alias)} = await test.step(${quote(`Arrange: create a ${use.resource}`)}, () => resources.create(${quote(use.resource)}${givenArgument(use.given)}));`,
    );
  }
  testCase.steps.forEach((step, index) => lines.push(...renderStep(step, index + 1, testCase.steps.length)));
  const body = lines.join('\n');
  const fixtures = [
    'api',
    ...(testCase.uses.length > 0 || /resources\./.test(body) ? ['resources'] : []),
    ...(usesVars(body) ? ['vars'] : []),
  ];
  const tags = [`@${testCase.kind}`, `@${testCase.priority}`, ...(testCase.writes ? ['@writes'] : [])];
  const details = `{ tag: [${tags.map(quote).join(', ')}], annotation: [{ type: 'operation', description: ${quote(testCase.operation)} }] }`;
  return [
    `test(${quote(testCase.title)}, ${details}, async ({ ${fixtures.join(', ')} }) => {`,
    indent(body, '  '),
    '});',
  ].join('\n');
}

/** `, { feature: feature }`: what the test already holds, for a sub-resource's recipe to use. */
function givenArgument(given: string[] | undefined): string {
  if (!given?.length) return '';
  const entries = given.map((alias) =>
    variableName(alias) === alias ? alias : `${quote(alias)}: ${variableName(alias)}`,
  );
  return `, { ${entries.join(', ')} }`;
}

function renderStep(step: Step, number: number, total: number): string[] {
  const suffix = total > 1 ? String(number) : '';
  const response = `response${suffix}`;
  const body = `body${suffix}`;
  const lines: string[] = [];
  const sent = structuredBody(step.request.body);
  if (sent) lines.push(`const ${body} = ${renderExpression(sent)};`);
  const phase = step.phase === 'arrange' ? 'Arrange' : 'Act';
  lines.push(
    `const ${response} = await test.step(${quote(`${phase}: ${step.title}`)}, () =>`,
    `  api.send(${renderRequest(step.request, body)}),`,
    ');',
  );
  for (const save of step.saves) {
    const source = save.from === 'body' ? body : `${response}.json`;
    lines.push(`saved[${quote(save.name)}] = fieldAt(${source}, ${quote(save.path)});`);
  }
  // Only what the server says it made: an identifier read from a refusal (a 409 naming the
  // existing thing, an error's own id) may be someone else's, and cleanup would delete it.
  if (step.track)
    lines.push(
      `if (${response}.status < 300) resources.track(${quote(step.track.resource)}, saved[${quote(step.track.saved)}]);`,
    );
  if (step.assertions.length > 0) {
    lines.push(`await test.step(${quote(`Assert: ${describeAssertions(step.assertions)}`)}, () => {`);
    lines.push(...step.assertions.map((assertion) => `  ${renderAssertion(assertion, response, body)}`));
    lines.push('});');
  }
  return lines;
}

export function renderRequest(request: RequestSpec, bodyName: string | undefined): string {
  const parts = [`method: ${quote(request.method)}`, `path: ${quote(request.path)}`];
  const pathParams = Object.entries(request.pathParams);
  if (pathParams.length > 0)
    parts.push(
      `pathParams: { ${pathParams.map(([name, value]) => `${key(name)}: ${renderExpression(value)}`).join(', ')} }`,
    );
  const query = Object.entries(request.query);
  if (query.length > 0)
    parts.push(
      `query: { ${query.map(([name, value]) => `${key(name)}: ${renderExpression(value)}`).join(', ')} }`,
    );
  if (Object.keys(request.headers).length > 0) parts.push(`headers: ${JSON.stringify(request.headers)}`);
  if (request.body?.kind === 'json')
    parts.push(bodyName ? `json: ${bodyName}` : `json: ${renderExpression(request.body.value)}`);
  if (request.body?.kind === 'multipart') {
    parts.push(bodyName ? `multipart: ${bodyName}` : `multipart: ${renderExpression(request.body.value)}`);
    parts.push(`files: ${JSON.stringify(request.body.files)}`);
  }
  if (request.body?.kind === 'raw')
    parts.push(`raw: { text: ${quote(request.body.text)}, contentType: ${quote(request.body.contentType)} }`);
  if (request.auth !== 'valid') parts.push(`auth: ${quote(request.auth)}`);
  return `{ ${parts.join(', ')} }`;
}

function renderAssertion(assertion: Assertion, response: string, body: string): string {
  switch (assertion.kind) {
    case 'status':
      return `expectStatus(${response}, [${assertion.oneOf.join(', ')}]);`;
    case 'content-type':
      return `expectContentType(${response}, ${quote(assertion.mediaType)});`;
    case 'documented-schema':
      return `expectDocumentedSchema(${response}, ${quote(assertion.operation)});`;
    case 'field-equals':
      return `${assertion.enveloped ? 'expectFieldKept' : 'expectFieldEquals'}(${response}, ${quote(assertion.path)}, ${renderExpression(assertion.value)});`;
    case 'field-echoes':
      return `expectFieldEquals(${response}, ${quote(assertion.path)}, fieldAt(${body}, ${quote(assertion.bodyPath)}));`;
    case 'fields-within':
      return `expectOnlyFields(${response}, ${quote(assertion.path)}, ${JSON.stringify(assertion.fields)});`;
    case 'same-contract':
      return `expectSameContract(${response});`;
    case 'array-length': {
      const bounds = [
        assertion.min !== undefined ? `min: ${assertion.min}` : '',
        assertion.max !== undefined ? `max: ${assertion.max}` : '',
      ].filter(Boolean);
      return `expectArrayLength(${response}, ${quote(assertion.path)}, { ${bounds.join(', ')} });`;
    }
  }
}

function stepReadsSaved(step: Step): boolean {
  return JSON.stringify(step).includes('"kind":"saved"');
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name);
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');
}
