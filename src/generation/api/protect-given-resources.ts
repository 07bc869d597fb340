import { singular } from '../../core/resource-names.ts';
import type { ApiTestCase, ResourceRecipe, Step, ValueExpr } from '../../core/test-case.ts';

const DESTRUCTIVE = new Set(['DELETE', 'PUT', 'PATCH']);

/** A test withheld from the suite, with why, so the report can say so. */
export interface WithheldTest {
  test: string;
  operation: string;
  reason: string;
}

/**
 * Destructive requests (DELETE, PUT, PATCH, and a POST acting on a thing: `/{name}/off`) may
 * only act on resources the suite created: a value given with `--var` or a resource merely found
 * in a list belongs to the user, and a test deleting it first would break every later test on it
 * (404), or lose the user's data. A test switching off an existing environment changes what every
 * later test finds in the list.
 */
export function protectGivenResources(
  cases: ApiTestCase[],
  recipes: ResourceRecipe[],
): { kept: ApiTestCase[]; withheld: WithheldTest[] } {
  const found = new Set(recipes.filter((recipe) => recipe.create.method === 'GET').map((r) => r.name));
  const kinds = new Set(recipes.map((recipe) => recipe.name));
  const kept: ApiTestCase[] = [];
  const withheld: WithheldTest[] = [];
  for (const testCase of cases) {
    const reason = testCase.steps.map((step) => notOursReason(step, found, kinds, testCase)).find(Boolean);
    if (reason) withheld.push({ test: testCase.title, operation: testCase.operation, reason });
    else kept.push(testCase);
  }
  return { kept, withheld };
}

function notOursReason(
  step: Step,
  found: Set<string>,
  kinds: Set<string>,
  testCase: ApiTestCase,
): string | undefined {
  const request = step.request;
  if (!DESTRUCTIVE.has(request.method.toUpperCase()) && !actsOnThing(request.method, request.path, kinds))
    return undefined;
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

/**
 * A POST after the last parameter whose words name no kind is an action on that thing
 * (`/environments/{name}/off`, `/projects/{id}/archive`); one into a collection named for a kind
 * (`/projects/{id}/flags`, `/projects/{id}/api-tokens`) adds to it and is judged as a create.
 */
function actsOnThing(method: string, path: string, kinds: Set<string>): boolean {
  if (method.toUpperCase() !== 'POST') return false;
  const after =
    path
      .replace(/\/+$/, '')
      .split(/\{[^}]+\}/)
      .at(-1) ?? '';
  const words = after.split('/').filter(Boolean);
  if (words.length === 0 || path.indexOf('{') < 0) return false;
  // `api-tokens` adds to the kind `token`: the last word of a compound name may be the kind's.
  return !words.some((word) => {
    const noun = singular(word);
    return kinds.has(noun) || kinds.has(noun.split('_').at(-1)!);
  });
}

/** The parameter naming what a request acts on: the last one in the path. */
function targetParameter(path: string): string | undefined {
  return [...path.matchAll(/\{([^}]+)\}/g)].at(-1)?.[1];
}

function resourceOf(testCase: ApiTestCase, alias: string): string {
  return testCase.uses.find((use) => use.alias === alias)?.resource ?? alias;
}
