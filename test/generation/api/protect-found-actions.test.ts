import { describe, expect, it } from 'vitest';
import type { ApiTestCase, ResourceRecipe } from '../../../src/core/test-case.ts';
import { protectGivenResources } from '../../../src/generation/api/protect-given-resources.ts';

// A project the suite only found (listed, never made) and tokens the suite makes: an action on
// the project is withheld, an addition to a collection under it named for a kind is not.
const recipes = [
  { name: 'project', create: { method: 'GET', path: '/projects' } },
  { name: 'token', create: { method: 'POST', path: '/api-tokens' } },
] as unknown as ResourceRecipe[];

function postOnProject(path: string): ApiTestCase {
  return {
    title: `POST ${path} succeeds`,
    operation: `POST ${path}`,
    uses: [{ alias: 'project', resource: 'project' }],
    steps: [
      {
        request: {
          method: 'POST',
          path,
          pathParams: { projectId: { kind: 'resource', alias: 'project', field: 'id' } },
          query: {},
          headers: {},
          auth: 'valid',
        },
      },
    ],
  } as unknown as ApiTestCase;
}

describe('a POST on a thing the suite only found', () => {
  it('is withheld when it acts on it, kept when it adds to a collection named for a kind', () => {
    const paths = [
      '/projects/{projectId}/archive',
      '/projects/{projectId}/archive/validate',
      '/projects/{projectId}/api-tokens',
      '/projects/{projectId}/tokens',
    ];
    const { kept, withheld } = protectGivenResources(paths.map(postOnProject), recipes);
    expect(withheld.map((entry) => entry.operation)).toEqual([
      'POST /projects/{projectId}/archive',
      'POST /projects/{projectId}/archive/validate',
    ]);
    expect(withheld[0]!.reason).toBe(
      'POST would change an existing "project" found on the target, not one the suite created',
    );
    expect(kept.map((testCase) => testCase.operation)).toEqual([
      'POST /projects/{projectId}/api-tokens',
      'POST /projects/{projectId}/tokens',
    ]);
  });
});
