// The judge of the model's business-rule cases, with the model's answer given directly: what it
// accepts becomes a variant of the operation's success case; what it refuses says why.
import { describe, expect, it } from 'vitest';
import type { ModelClient, StructuredRequest } from '../../../src/core/model-client.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { proposeRuleCases } from '../../../src/generation/api/model-rule-cases.ts';
import type { RuleCaseProposal } from '../../../src/generation/api/rule-case-proposals.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../../src/sources/openapi/load-spec.ts';

const DISKS = 'POST /api/v1/disks';
const rule = 'Диск с такими параметрами уже существует';

/** A client answering every call with these proposals, keeping the prompts it was sent. */
function answering(cases: RuleCaseProposal[]): ModelClient & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    provider: 'scripted',
    model: 'scripted',
    prompts,
    async generateObject<T>(request: StructuredRequest<T>) {
      prompts.push(request.prompt);
      return { value: request.schema.parse({ cases }), usage: [], repaired: false };
    },
  };
}

async function judged(cases: RuleCaseProposal[]) {
  const model = buildApiModel(await loadSpec('examples/compute-api/openapi.yaml'));
  const suite = generateApiSuite(model, {
    specSource: 'compute',
    variables: { project_id: 'p' },
    only: [DISKS],
    repairs: [],
  });
  const client = answering(cases);
  return { outcome: await proposeRuleCases(client, { model, suite, language: 'en' }), client };
}

const proposal = (overrides: Partial<RuleCaseProposal>): RuleCaseProposal => ({
  operation: DISKS,
  title: 'a second disk with the same parameters is refused',
  rule,
  setup: 'same-request-first',
  fields: [],
  expectStatus: 409,
  ...overrides,
});

describe('business-rule cases proposed by the model', () => {
  it('offers only the selected operations, with the optional fields the request leaves out', async () => {
    const { client } = await judged([]);
    expect(client.prompts).toHaveLength(1);
    expect(client.prompts[0]).toContain(`"operation": "${DISKS}"`);
    expect(client.prompts[0]).not.toContain('"operation": "GET /api/v1/disks"');
    expect(client.prompts[0]).toMatch(/"field": "readonly",\s*"schema": \{[^}]*\},\s*"sent": false/);
  });

  it('builds an accepted rule from the success case: sent once, then again with the same unique values', async () => {
    const { outcome } = await judged([proposal({})]);
    expect(outcome.rejected).toEqual([]);
    const [built] = outcome.cases;
    expect(built).toMatchObject({
      kind: 'rule',
      operation: DISKS,
      covers: [`${DISKS} 409`, `rule: ${rule}`],
    });
    const [first, checked] = built!.steps;
    expect(first!.phase).toBe('arrange');
    expect(first!.saves).toContainEqual({ name: 'sent_0', path: 'name', from: 'body' });
    expect(checked!.assertions[0]).toEqual({ kind: 'status', oneOf: [409] });
    expect(JSON.stringify(checked!.request.body)).toContain('{"kind":"saved","name":"sent_0"}');
  });

  it('refuses what the spec does not found, naming why', async () => {
    const { outcome } = await judged([
      proposal({ operation: 'DELETE /api/v1/disks/{disk_id}' }),
      proposal({ rule: 'names are unique' }),
      proposal({ rule: 'Disk names must be unique within a project' }),
      proposal({ expectStatus: 418 }),
      proposal({ setup: 'none' }),
      proposal({ setup: 'none', fields: [{ in: 'body', field: 'flavour', value: 'x' }] }),
      proposal({ setup: 'none', fields: [{ in: 'body', field: 'size', value: 0 }] }),
      proposal({
        setup: 'none',
        fields: [
          { in: 'body', field: 'size', value: 2 },
          { in: 'body', field: 'size', value: 3 },
        ],
      }),
    ]);
    expect(outcome.cases).toEqual([]);
    expect(outcome.proposed).toBe(8);
    expect(outcome.rejected.map((reason) => reason.replace(/^[^"]*"[^"]*": /, ''))).toEqual([
      'names an operation that was not offered',
      'its rule is not quoted from the operation\'s text ("names are unique")',
      'its rule is not quoted from the operation\'s text ("Disk names must be unique within a project")',
      expect.stringMatching(/^expects 418, which the operation does not document \(201, .*409/),
      'the valid request unchanged: the success case checks it already',
      'names body field "flavour", which the request does not fill with a plain value',
      '0 breaks the schema of size',
      'changes body field "size" twice',
    ]);
  });

  it('keeps at most three rule cases per operation, and no case twice', async () => {
    const sized = (size: number) =>
      proposal({
        setup: 'none',
        title: `size ${size}`,
        fields: [{ in: 'body', field: 'size', value: size }],
      });
    const { outcome } = await judged([sized(2), sized(2), sized(3), sized(4), sized(5)]);
    expect(outcome.cases.map((testCase) => testCase.title)).toEqual([
      `${DISKS} size 2 (409)`,
      `${DISKS} size 3 (409)`,
      `${DISKS} size 4 (409)`,
    ]);
    expect(outcome.rejected).toEqual([
      `${DISKS}: "size 2": the same case twice`,
      `${DISKS}: "size 5": more than 3 rule cases for one operation`,
    ]);
  });
});
