import type { ApiTestCase, ResourceRecipe } from '../../core/test-case.ts';

/**
 * Hands a sub-resource's recipe the parents the test already holds: a test reading
 * `/flags/{flagName}/strategies/{strategyId}` makes a flag, then a strategy, and the strategy must
 * be made in that flag, not in another flag its recipe would make on its own.
 */
export function withGivenParents(testCase: ApiTestCase, recipes: ResourceRecipe[]): ApiTestCase {
  let changed = false;
  const uses = testCase.uses.map((use, index) => {
    const recipe = recipes.find((candidate) => candidate.name === use.resource);
    if (!recipe?.takesParents) return use;
    const earlier = testCase.uses.slice(0, index);
    const given = recipe.needs
      .filter((need) => earlier.some((held) => held.alias === need.alias && held.resource === need.resource))
      .map((need) => need.alias);
    if (given.length === 0) return use;
    changed = true;
    return { ...use, given };
  });
  return changed ? { ...testCase, uses } : testCase;
}
