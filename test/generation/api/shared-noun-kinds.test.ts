import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../../src/core/api-model.ts';
import { ResourceGraph } from '../../../src/core/resource-graph.ts';
import type { ApiSuite, ApiTestCase, ValueExpr } from '../../../src/core/test-case.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { SchemaContext } from '../../../src/generation/api/schema-context.ts';
import type { ValueRepair } from '../../../src/generation/api/value-repairs.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { sharedNounSpec as spec } from '../../support/shared-noun-api.ts';

// Two kinds share the noun "strategies": the strategy types `POST /strategies` makes (by name),
// and a flag's strategies `POST /flags/{flagName}/strategies` makes (answering an `id`). A flag's
// strategy names its type in `name`; a dependency names the flag it depends on in `flag`.

function modelOf(): ApiModel {
  return buildApiModel({
    location: 'strategies.json',
    sourceVersion: '3.0',
    document: spec,
    referenceIssues: [],
  });
}

function suiteOf(repairs: ValueRepair[] = []): ApiSuite {
  return generateApiSuite(modelOf(), { specSource: 'strategies.json', repairs });
}

function positive(suite: ApiSuite, operation: string): ApiTestCase {
  return suite.cases.find((testCase) => testCase.operation === operation && testCase.kind === 'positive')!;
}

function bodyField(testCase: ApiTestCase | undefined, field: string): ValueExpr | undefined {
  const body = testCase?.steps.at(-1)?.request.body;
  return body?.kind === 'json' && body.value.kind === 'object' ? body.value.entries[field] : undefined;
}

describe('two kinds sharing a noun', () => {
  it('makes the nested collection with its own create a kind of its own', () => {
    const model = modelOf();
    const graph = new ResourceGraph(model, new SchemaContext(model));
    expect(graph.byName('strategy')!.create?.path).toBe('/strategies');
    const nested = graph.byName('flag_strategy')!;
    expect(nested).toMatchObject({
      noun: 'strategy',
      idParam: 'strategyId',
      createIdPath: 'id',
      itemPath: '/flags/{flagName}/strategies/{strategyId}',
    });
    expect(nested.create?.path).toBe('/flags/{flagName}/strategies');
    const read = model.operations.find(
      (operation) => operation.key === 'GET /flags/{flagName}/strategies/{strategyId}',
    )!;
    expect(graph.kindOfPathParameter(read, 'strategyId')).toBe(nested);
    expect(graph.kindOfCollection('/flags/{flagName}/strategies')).toBe(nested);
    expect(graph.kindOfCollection('/strategies')!.name).toBe('strategy');
  });

  it("reads a flag's strategy from the one its own parent path made", () => {
    const suite = suiteOf();
    const read = positive(suite, 'GET /flags/{flagName}/strategies/{strategyId}');
    expect(read.steps.at(-1)!.request.pathParams['strategyId']).toMatchObject({
      kind: 'resource',
      alias: 'flag_strategy',
    });
    const recipe = suite.recipes.find((candidate) => candidate.name === 'flag_strategy')!;
    expect(recipe.create).toMatchObject({ method: 'POST', path: '/flags/{flagName}/strategies' });
    expect(recipe.idPath).toBe('id');
    expect(suite.variables.map((variable) => variable.name)).not.toContain('strategyId');
  });
});

describe('a body field naming an existing thing of another kind', () => {
  it("names a strategy type the suite made, not a made-up or the example's", () => {
    const suite = suiteOf();
    const recipe = suite.recipes.find((candidate) => candidate.name === 'flag_strategy')!;
    const body = recipe.create.body;
    const name =
      body?.kind === 'json' && body.value.kind === 'object' ? body.value.entries['name'] : undefined;
    expect(name).toMatchObject({ kind: 'resource', alias: 'strategy' });
    expect(recipe.needs.map((need) => need.resource)).toContain('strategy');
    // The strategy type's own create still sends a name of its own, unique per run.
    const own = bodyField(positive(suite, 'POST /strategies'), 'name');
    expect(own?.kind).toBe('unique');
  });

  it('depends on another flag of its own, not the one in the path', () => {
    const suite = suiteOf();
    const create = positive(suite, 'POST /flags/{child}/dependencies');
    expect(create.steps.at(-1)!.request.pathParams['child']).toMatchObject({
      kind: 'resource',
      alias: 'flag',
    });
    expect(bodyField(create, 'flag')).toMatchObject({ kind: 'resource', alias: 'other_flag' });
    expect(create.uses).toContainEqual({ alias: 'other_flag', resource: 'flag' });
    const dangling = suite.cases.find(
      (testCase) =>
        testCase.operation === 'POST /flags/{child}/dependencies' && testCase.title.includes('refers to'),
    );
    expect(dangling?.title).toContain('"flag" that refers to a flag which does not exist');
    // 403 is a documented refusal of this operation: the server may answer a missing parent so.
    expect(dangling?.steps.at(-1)?.assertions).toContainEqual(
      expect.objectContaining({ kind: 'status', oneOf: [403] }),
    );
  });
});

describe('a lifecycle of a kind whose body names another kind', () => {
  it("changes a flag strategy's own title, never the strategy type it names", () => {
    const lifecycle = suiteOf().cases.find((testCase) =>
      testCase.title.startsWith('flag_strategy lifecycle'),
    )!;
    const update = lifecycle.steps.find((step) => step.request.method === 'PUT')!;
    expect(update.title).toContain('update "title"');
    const body = update.request.body;
    const name =
      body?.kind === 'json' && body.value.kind === 'object' ? body.value.entries['name'] : undefined;
    expect(name).toMatchObject({ kind: 'resource', alias: 'strategy' });
  });
});

describe('a body list naming things the API only lists', () => {
  const operation = 'PUT /flags/{flagName}/variants';

  it('names one environment read from the list, whatever the example or a learned value says', () => {
    const learned: ValueRepair = { operation, in: 'body', path: ['environments'], value: ['sample'] };
    for (const suite of [suiteOf(), suiteOf([learned])]) {
      const environments = bodyField(positive(suite, operation), 'environments');
      expect(environments).toEqual({
        kind: 'array',
        items: [{ kind: 'resource', alias: 'environment', field: 'id' }],
      });
      expect(positive(suite, operation).uses).toContainEqual({
        alias: 'environment',
        resource: 'environment',
      });
    }
  });
});
