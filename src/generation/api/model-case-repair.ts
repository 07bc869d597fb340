import { readFileSync } from 'node:fs';
import type { ApiOperation } from '../../core/api-model.ts';
import type { ModelClient } from '../../core/model-client.ts';
import { delimitedData } from '../../core/prompt-data.ts';
import type { ApiSuite, ApiTestCase, ValueExpr } from '../../core/test-case.ts';
import { apiCaseRepairSchema, type ApiCaseRepairAnswer } from './case-repair-proposals.ts';

const SYSTEM_PROMPT = readFileSync(new URL('./prompts/case-repair.md', import.meta.url), 'utf8');
const LANGUAGE_NAMES = { en: 'English', ru: 'Russian' } as const;
/** The runner's message is long (request, response, evidence): its head says what failed. */
const FAILURE_CHARS = 2_000;

export const API_CASE_REPAIR_CAPABILITY = 'api → test repair';

export interface ApiCaseRepairRequest {
  testCase: ApiTestCase;
  suite: Pick<ApiSuite, 'recipes'>;
  operations: ApiOperation[];
  /** The runner's error message, expected and actual lines. */
  failure: { message: string; expected?: string | undefined; actual?: string | undefined };
  /** The classification, in words. */
  reason: string;
  language: 'en' | 'ru';
}

/**
 * Asks the model for a structured repair of one failed API case, over the case's steps, the kinds
 * the suite can create and the documented responses of the operations it calls. The answer is
 * only schema-checked here: `applyApiCaseRepair` decides whether it names things that exist.
 */
export async function proposeApiCaseRepair(
  client: ModelClient,
  request: ApiCaseRepairRequest,
): Promise<{ answer: ApiCaseRepairAnswer; repaired: boolean }> {
  const { testCase } = request;
  const keys = new Set(
    testCase.steps.map((step) => `${step.request.method.toUpperCase()} ${step.request.path}`),
  );
  const operations = request.operations.filter((operation) => keys.has(operation.key));
  const result = await client.generateObject({
    task: API_CASE_REPAIR_CAPABILITY,
    system: SYSTEM_PROMPT.replace('{{language}}', LANGUAGE_NAMES[request.language]),
    prompt: [
      delimitedData('case', {
        case: testCase.id,
        title: testCase.title,
        creates_first: testCase.uses.map((use) => use.resource),
        steps: testCase.steps.map((step, index) => ({
          step: index,
          phase: step.phase,
          request: `${step.request.method.toUpperCase()} ${step.request.path}`,
          path: described(step.request.pathParams),
          query: described(step.request.query),
          body:
            step.request.body?.kind === 'json' && step.request.body.value.kind === 'object'
              ? described(step.request.body.value.entries)
              : undefined,
          credentials: step.request.auth,
          expects: step.assertions.flatMap((assertion) =>
            assertion.kind === 'status' ? [`status ${assertion.oneOf.join(' or ')}`] : [],
          ),
        })),
      }),
      delimitedData('failure', {
        classified: request.reason,
        expected: request.failure.expected,
        actual: request.failure.actual,
        error: request.failure.message.slice(0, FAILURE_CHARS),
      }),
      delimitedData(
        'kinds',
        request.suite.recipes.map((recipe) => ({
          kind: recipe.name,
          created_by: `${recipe.create.method.toUpperCase()} ${recipe.create.path}`,
        })),
      ),
      ...operations.map((operation) =>
        delimitedData('operation', {
          operation: operation.key,
          responses: operation.responses.map((response) => `${response.status}: ${response.description}`),
        }),
      ),
    ].join('\n\n'),
    schema: apiCaseRepairSchema,
    schemaName: 'api_case_repair',
    temperature: 0,
  });
  return { answer: result.value, repaired: result.repaired };
}

/** Values as the model reads them: literals as written, run-time values by where they come from. */
function described(values: Record<string, ValueExpr>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, describeValue(value)]));
}

function describeValue(value: ValueExpr): string {
  switch (value.kind) {
    case 'literal':
      return JSON.stringify(value.value)?.slice(0, 80) ?? 'null';
    case 'var':
      return `variable ${value.name}`;
    case 'unique':
      return `unique text "${value.prefix}…"`;
    case 'resource':
      return `${value.field} of the ${value.alias} created first`;
    case 'saved':
      return `saved ${value.name}`;
    case 'random-uuid':
      return 'a random UUID (names nothing)';
    case 'unique-number':
      return 'a five-digit number drawn per run';
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
  }
}
