import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../../src/core/api-model.ts';
import { ResourceGraph } from '../../../src/core/resource-graph.ts';
import type { ApiSuite } from '../../../src/core/test-case.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { SchemaContext } from '../../../src/generation/api/schema-context.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { listedFlagsSpec } from '../../support/listed-flags-api.ts';

// Environments exist on the server and cannot be made: the API lists them, and a project's POST
// only adds an existing one to the project. Flags are the suite's own, made per project.

function modelOf(): ApiModel {
  return buildApiModel({
    location: 'flags.json',
    sourceVersion: '3.0',
    document: listedFlagsSpec,
    referenceIssues: [],
  });
}

function suiteOf(only?: string[]): ApiSuite {
  return generateApiSuite(modelOf(), { specSource: 'flags.json', ...(only ? { only } : {}) });
}

describe('a kind the API lists but does not make', () => {
  it('stays the listed kind when a POST under a parent only adds an existing one', () => {
    const model = modelOf();
    const graph = new ResourceGraph(model, new SchemaContext(model));
    const environment = graph.byName('environment')!;
    expect(environment.create).toBeUndefined();
    expect(environment.list?.path).toBe('/environments');
    expect(environment.listIdPath).toBe('environments.0.name');
    expect(environment.listUsable).toEqual({ field: 'enabled', value: true });
    // A deeper create answering its new item's identifier still makes the kind: flags.
    expect(graph.byName('flag')!.create?.path).toBe('/projects/{projectId}/flags');
  });

  it('reads an environment from the list, the first enabled one, and sends no made-up name', () => {
    const suite = suiteOf();
    const recipe = suite.recipes.find((candidate) => candidate.name === 'environment')!;
    expect(recipe.create).toMatchObject({ method: 'GET', path: '/environments' });
    expect(recipe.usableItem).toEqual({
      arrayPath: 'environments',
      itemIdPath: 'name',
      field: 'enabled',
      value: true,
    });
    expect(suite.variables).toEqual([]);
    const read = suite.cases.find(
      (testCase) =>
        testCase.operation === 'GET /projects/{projectId}/flags/{flagName}/environments/{environment}' &&
        testCase.kind === 'positive',
    )!;
    expect(read.steps.at(-1)!.request.pathParams['environment']).toMatchObject({
      kind: 'resource',
      alias: 'environment',
    });
  });

  it('never removes an existing environment, but changes the settings of its own flag in one', () => {
    const suite = suiteOf();
    const removal = '/projects/{projectId}/environments/{environment}';
    // Only a removal of an environment that does not exist (its 404) is still sent.
    const removals = suite.cases.flatMap((testCase) =>
      testCase.steps.filter((step) => step.request.path === removal),
    );
    expect(removals.map((step) => step.request.pathParams['environment']?.kind)).not.toContain('resource');
    expect((suite.withheldTests ?? []).map((withheld) => withheld.operation)).toContain(`DELETE ${removal}`);
    const variants = 'PUT /projects/{projectId}/flags/{flagName}/environments/{environment}/ratio';
    expect(suite.cases.some((testCase) => testCase.operation === variants)).toBe(true);
    expect((suite.withheldTests ?? []).map((withheld) => withheld.operation)).not.toContain(variants);
  });

  it('never switches an existing environment off: an action on a found thing is withheld', () => {
    const suite = suiteOf();
    const off = 'POST /environments/{name}/off';
    const sent = suite.cases.flatMap((testCase) =>
      testCase.steps.filter((step) => `${step.request.method} ${step.request.path}` === off),
    );
    // Only the action on an environment that does not exist (its 404) is still sent.
    expect(sent.map((step) => step.request.pathParams['name']?.kind)).not.toContain('resource');
    expect(suite.withheldTests ?? []).toContainEqual(
      expect.objectContaining({
        operation: off,
        reason: 'POST would change an existing "environment" found on the target, not one the suite created',
      }),
    );
    // A POST into a collection named for a kind is a create, judged as before.
    const add = 'POST /projects/{projectId}/flags';
    expect((suite.withheldTests ?? []).map((withheld) => withheld.operation)).not.toContain(add);
  });
});
