import type { ApiTestCase, ResourceRecipe, Step, ValueExpr } from '../../core/test-case.ts';

const DESTRUCTIVE = new Set(['DELETE', 'PUT', 'PATCH']);

/** A test withheld from the suite, with why, so the report can say so. */
export interface WithheldTest {
  test: string;
  operation: string;
  reason: string;
}

/**
 * Destructive requests (DELETE, PUT, PATCH) may only act on resources the suite created:
 * a value given with `--var` or a resource merely found in a list belongs to the user, and a
 * test deleting it first would break every later test on it (404), or lose the user's data.
 */
export function protectGivenResources(
  cases: ApiTestCase[],
  recipes: ResourceRecipe[],
): { kept: ApiTestCase[]; withheld: WithheldTest[] } {
  const found = new Set(recipes.filter((recipe) => recipe.create.method === 'GET').map((r) => r.name));
  const kept: ApiTestCase[] = [];
  const withheld: WithheldTest[] = [];
  for (const testCase of cases) {
    const reason = testCase.steps.map((step) => notOursReason(step, found, testCase)).find(Boolean);
    if (reason) withheld.push({ test: testCase.title, operation: testCase.operation, reason });
    else kept.push(testCase);
  }
  return { kept, withheld };
}

function notOursReason(step: Step, found: Set<string>, testCase: ApiTestCase): string | undefined {
  const request = step.request;
  if (!DESTRUCTIVE.has(request.method.toUpperCase())) return undefined;
  const target = targetParameter(request.path);
  const value: ValueExpr | undefined = target ? request.pathParams[target] : undefined;
  if (value?.kind === 'var') {
    return `${request.method} would change "${target}" given with --var (the user's resource); no way to create one of its own was found`;
  }
  const resource = value?.kind === 'resource' ? resourceOf(testCase, value.alias) : undefined;
  if (resource && found.has(resource) && !scopesOwnResource(request, target!, found, testCase)) {
    return `${request.method} would change an existing "${resource}" found on the target, not one the suite created`;
  }
  return undefined;
}

/**
 * `PUT /flags/{flag}/environments/{environment}/variants` with a flag of the suite's own: the
 * existing environment only says which of the flag's settings change, so the change is to the
 * suite's own flag. A path ending in the existing thing's parameter still acts on that thing.
 */
function scopesOwnResource(
  request: Step['request'],
  target: string,
  found: Set<string>,
  testCase: ApiTestCase,
): boolean {
  if (request.path.replace(/\/+$/, '').endsWith(`{${target}}`)) return false;
  const before = request.path.slice(0, request.path.indexOf(`{${target}}`));
  return [...before.matchAll(/\{([^}]+)\}/g)].some(([, name]) => {
    const value = request.pathParams[name!];
    return value?.kind === 'resource' && !found.has(resourceOf(testCase, value.alias));
  });
}

/** The parameter naming what a request acts on: the last one in the path. */
function targetParameter(path: string): string | undefined {
  return [...path.matchAll(/\{([^}]+)\}/g)].at(-1)?.[1];
}

function resourceOf(testCase: ApiTestCase, alias: string): string {
  return testCase.uses.find((use) => use.alias === alias)?.resource ?? alias;
}
