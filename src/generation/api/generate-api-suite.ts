import type { ApiModel, ApiOperation } from '../../core/api-model.ts';
import { describeError } from '../../core/errors.ts';
import type { EventSink } from '../../core/events.ts';
import type { ApiSuite, ApiTestCase, ResourceRecipe, SuiteSchemas, ValueExpr } from '../../core/test-case.ts';
import { authCases } from './auth-cases.ts';
import { duplicateIdentifierCase, takenIdentifierCases } from './duplicate-cases.ts';
import { isolationCase } from './isolation-cases.ts';
import { fieldSelectionCase } from './field-selection-cases.ts';
import { filterCase, filteredWriteCase, orderCase } from './filter-cases.ts';
import { contractDriftCase, servedDocument } from './contract-drift-case.ts';
import type { GenerationContext } from './generation-context.ts';
import { negativeCases } from './negative-cases.ts';
import { paginationCases } from './pagination-cases.ts';
import { positiveCases } from './positive-cases.ts';
import { everyFieldCase } from './every-field-case.ts';
import { protectGivenResources } from './protect-given-resources.ts';
import { relationCase } from './relation-cases.ts';
import { RequestBuilder } from './request-builder.ts';
import { ResourceGraph, type ResourceKind } from '../../core/resource-graph.ts';
import { SchemaContext } from './schema-context.ts';
import { restoreSettings } from './settings-restore.ts';
import { signInFlow } from './sign-in-flow.ts';
import { deleteCase, statefulCase, updateCase } from './stateful-cases.ts';
import { validationCopy } from './validation-copy.ts';
import type { ValueRepair } from './value-repairs.ts';
import { successStatus } from './case-helpers.ts';
import { withGivenParents } from './given-parents.ts';

export interface GenerateApiSuiteOptions {
  specSource: string;
  /** Values given with `--var name=value`. */
  variables?: Record<string, string>;
  /** Only these operations (`GET /api/v1/vms` or operationId); all when empty. */
  only?: string[];
  /**
   * `--auth-scheme`: the word before the token in `Authorization` (`Token`, `Bearer`, or `Basic`
   * for basic credentials), when the spec does not say or says otherwise.
   */
  authScheme?: string;
  /** Values learned from the server during verification, for fields it refused (see ValueRepairs). */
  repairs?: ValueRepair[];
  /** The base URL the suite will call, to tell whether the API serves its own document. */
  baseUrl?: string;
  /**
   * The document exactly as the API served it at `specSource` (JSON, OpenAPI 3.x, nothing
   * converted or bundled): with it, the suite checks that the contract has not changed since.
   */
  servedDocument?: Record<string, unknown>;
  events?: EventSink;
}

/**
 * Designs the whole suite, deterministically. An operation whose cases cannot be built is
 * reported and skipped; the others are generated.
 */
export function generateApiSuite(model: ApiModel, options: GenerateApiSuiteOptions): ApiSuite {
  const schemas = new SchemaContext(model);
  const graph = new ResourceGraph(model, schemas);
  const requests = new RequestBuilder(schemas, graph, options.variables ?? {});
  requests.useRepairs(options.repairs ?? []);
  const context: GenerationContext = { model, schemas, graph, requests };
  const selected = model.operations.filter((operation) => isSelectedOperation(operation, options.only));
  const skipped = model.issues.map((issue) => ({ operation: issue.operation, reason: issue.message }));
  const cases: ApiTestCase[] = [];
  for (const operation of selected) {
    try {
      cases.push(...casesFor(context, operation));
    } catch (error) {
      const reason = `could not design tests: ${describeError(error)}`;
      skipped.push({ operation: operation.key, reason });
      options.events?.({ type: 'operation-skipped', operation: operation.key, reason });
    }
  }
  for (const kind of graph.kinds) {
    // A kind made by another resource's create has no lifecycle or identifier of its own to check.
    if (!kind.create || kind.createdBy === 'producer' || !isSelectedOperation(kind.create, options.only))
      continue;
    try {
      // A composite key is read by all its parts, which a lifecycle's saved id does not hold.
      const lifecycle = kind.keyPaths ? undefined : statefulCase(context, kind);
      if (lifecycle) cases.push(lifecycle);
      const removal = kind.keyPaths || !lifecycle ? undefined : deleteCase(context, kind);
      if (removal) cases.push(removal);
      const kept = kind.keyPaths || !lifecycle ? undefined : updateCase(context, kind);
      if (kept) cases.push(kept);
      const isolation = kind.keyPaths ? undefined : isolationCase(context, kind);
      if (isolation) cases.push(isolation);
      const positive = cases.find(
        (testCase) => testCase.kind === 'positive' && testCase.operation === kind.create?.key,
      );
      const duplicate = positive ? duplicateIdentifierCase(kind, positive) : undefined;
      if (duplicate) cases.push(duplicate);
      if (positive)
        cases.push(
          ...takenIdentifierCases(context, kind, positive).filter((taken) =>
            selected.some((operation) => operation.key === taken.operation),
          ),
        );
    } catch (error) {
      options.events?.({
        type: 'log',
        level: 'warn',
        message: `${kind.name} cases not generated: ${describeError(error)}`,
      });
    }
  }
  for (const relation of graph.relations) {
    if (!isSelectedOperation(relation.read, options.only)) continue;
    try {
      const related = relationCase(context, relation);
      if (related) cases.push(related);
    } catch (error) {
      options.events?.({
        type: 'log',
        level: 'warn',
        message: `${relation.read.key} relation case not generated: ${describeError(error)}`,
      });
    }
  }
  const served =
    options.servedDocument && !options.only?.length
      ? servedDocument(options.specSource, options.baseUrl)
      : undefined;
  if (served) cases.push(contractDriftCase(served));
  // A test that changes a server-wide setting reads it first and writes it back after.
  const settings = restoreSettings(context, uniqueTitles(cases));
  const designed = settings.cases;
  const protectedCases = protectGivenResources(designed, recipesFor(context, designed));
  const withheld = protectedCases.withheld;
  const recipes = [
    ...recipesFor(context, protectedCases.kept),
    ...settings.recipes.filter((recipe) =>
      protectedCases.kept.some((testCase) => usesRecipe(testCase, recipe.name)),
    ),
  ];
  const kept = protectedCases.kept.map((testCase) => withGivenParents(testCase, recipes));
  const auth = options.authScheme ? schemeAuth(options.authScheme) : suiteAuth(model);
  // Only a token or key can come from a log-in; basic credentials are the user's to give.
  const signIn = auth.kind === 'bearer' || auth.kind === 'api-key' ? signInFlow(context) : undefined;
  return {
    title: model.title,
    auth,
    ...(signIn ? { signIn } : {}),
    specSource: options.specSource,
    ...(served && options.servedDocument
      ? { contract: { url: options.specSource, document: options.servedDocument } }
      : {}),
    cases: kept,
    withheldTests: withheld,
    recipes,
    variables: requests.variables,
    schemas: suiteSchemas(model),
    operations: selected.map((operation) => ({
      key: operation.key,
      tag: operation.tag,
      statuses: operation.responses.map((response) => String(response.status)),
    })),
    skippedOperations: skipped,
    unconstrained: (model.warnings ?? [])
      .filter((warning) => selected.some((operation) => operation.key === warning.operation))
      .map((warning) => ({
        operation: warning.operation,
        pointer: warning.pointer,
        reason: warning.message,
      })),
  };
}

function casesFor(context: GenerationContext, operation: ApiOperation): ApiTestCase[] {
  return [
    ...positiveCases(context, operation),
    ...authCases(context, operation),
    ...negativeCases(context, operation),
    ...paginationCases(context, operation),
    ...[
      everyFieldCase(context, operation),
      fieldSelectionCase(context, operation),
      filterCase(context, operation),
      orderCase(context, operation),
      filteredWriteCase(context, operation),
    ].filter((testCase) => testCase !== undefined),
  ];
}

/** `--only`: the operation by key, operationId or path; every operation when empty. */
export function isSelectedOperation(operation: ApiOperation, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some(
    (wanted) => wanted === operation.key || wanted === operation.operationId || wanted === operation.path,
  );
}

/** Recipes for every resource a case uses, and for what those recipes need in turn. */
function recipesFor(context: GenerationContext, cases: ApiTestCase[]): ResourceRecipe[] {
  const wanted = new Set(
    cases.flatMap((testCase) => [...testCase.uses.map((use) => use.resource), ...trackedResources(testCase)]),
  );
  const recipes = new Map<string, ResourceRecipe>();
  const queue = [...wanted];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (recipes.has(name)) continue;
    const kind = context.graph.byName(name);
    if (!kind) continue;
    const recipe = recipeFor(context, name);
    if (!recipe) continue;
    recipes.set(name, recipe);
    queue.push(...recipe.needs.map((need) => need.resource));
  }
  return [...recipes.values()];
}

function usesRecipe(testCase: ApiTestCase, name: string): boolean {
  return testCase.uses.some((use) => use.resource === name);
}

function trackedResources(testCase: ApiTestCase): string[] {
  return testCase.steps.flatMap((step) => (step.track ? [step.track.resource] : []));
}

function recipeFor(context: GenerationContext, name: string): ResourceRecipe | undefined {
  const kind = context.graph.byName(name)!;
  // Built without excluding the kind itself: its own id parameter must not become a variable.
  // A sub-resource's removal needs its parent's id too, which a recipe does not keep: removing
  // the parent (created by the same test) takes it along.
  const remove =
    kind.remove && kind.parentParams.length === 0
      ? { ...context.requests.build(kind.remove).request, pathParams: removalKey(kind) }
      : undefined;
  if (kind.create && kind.createIdPath !== undefined) {
    const built = context.requests.build(kind.create, { exclude: name });
    return {
      name,
      create: built.request,
      idPath: kind.createIdPath,
      idFrom: kind.createIdFrom,
      createStatus: successStatus(kind.create),
      remove,
      needs: built.uses,
      ...(kind.parentParams.length > 0 && built.uses.length > 0 ? { takesParents: true } : {}),
    };
  }
  if (kind.list && kind.listIdPath) {
    const built = context.requests.build(kind.list, { exclude: name });
    return {
      name,
      create: built.request,
      idPath: kind.listIdPath,
      ...usableItem(kind, kind.listIdPath),
      createStatus: successStatus(kind.list),
      remove: undefined,
      needs: built.uses,
    };
  }
  return undefined;
}

/** `environments.0.name` of a list whose items say `enabled`: the first enabled one's `name`. */
function usableItem(kind: ResourceKind, idPath: string): Pick<ResourceRecipe, 'usableItem'> {
  const arrayPath = kind.listArrayPath;
  if (!kind.listUsable || arrayPath === undefined) return {};
  const first = arrayPath === '' ? '0' : `${arrayPath}.0`;
  if (idPath !== first && !idPath.startsWith(`${first}.`)) return {};
  return { usableItem: { arrayPath, itemIdPath: idPath.slice(first.length + 1), ...kind.listUsable } };
}

/** The removal's path: the id saved as `self`, or each part of a composite key in it (`self.region`). */
function removalKey(kind: ResourceKind): Record<string, ValueExpr> {
  if (!kind.keyPaths) return { [kind.idParam]: { kind: 'saved', name: 'self' } };
  return Object.fromEntries(
    Object.entries(kind.keyPaths).map(([param, path]) => [param, { kind: 'saved', name: `self.${path}` }]),
  );
}

/** The scheme most operations use; the emitted client applies it to every valid request. */
function suiteAuth(model: ApiModel): ApiSuite['auth'] {
  const counts = new Map<string, { count: number; auth: ApiSuite['auth'] }>();
  for (const operation of model.operations) {
    const security = operation.security[0];
    if (!security) continue;
    const auth: ApiSuite['auth'] =
      security.kind === 'api-key'
        ? { kind: 'api-key', in: security.in ?? 'header', name: security.name ?? 'X-API-Key' }
        : security.kind === 'basic'
          ? { kind: 'basic' }
          : security.kind === 'other'
            ? { kind: 'none' }
            : { kind: 'bearer', prefix: security.prefix ?? 'Bearer' };
    const key = JSON.stringify(auth);
    counts.set(key, { count: (counts.get(key)?.count ?? 0) + 1, auth });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.auth ?? { kind: 'none' };
}

function schemeAuth(scheme: string): ApiSuite['auth'] {
  return scheme.toLowerCase() === 'basic' ? { kind: 'basic' } : { kind: 'bearer', prefix: scheme };
}

function suiteSchemas(model: ApiModel): SuiteSchemas {
  const responses: SuiteSchemas['responses'] = {};
  for (const operation of model.operations) {
    const byStatus: SuiteSchemas['responses'][string] = {};
    for (const response of operation.responses) {
      // A file or text answer (`application/octet-stream`, `text/plain`) is not JSON to validate.
      if (response.schema && isJsonMedia(response.contentType))
        byStatus[String(response.status)] = {
          contentType: response.contentType,
          schema: validationCopy(response.schema),
        };
    }
    responses[operation.key] = byStatus;
  }
  return { dialect: model.schemaDialect, document: validationCopy(model.schemaDocument), responses };
}

function isJsonMedia(contentType: string | undefined): boolean {
  return contentType === undefined || /json|^\*\/\*$/i.test(contentType);
}

function uniqueTitles(cases: ApiTestCase[]): ApiTestCase[] {
  const seen = new Map<string, number>();
  return cases.map((testCase) => {
    const count = (seen.get(testCase.title) ?? 0) + 1;
    seen.set(testCase.title, count);
    if (count === 1) return testCase;
    const title = `${testCase.title} (${count})`;
    return { ...testCase, title, id: `${testCase.id}-${count}` };
  });
}
