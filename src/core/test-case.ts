/**
 * The format-independent test case model: generation/api produces it, every emitter renders it
 * (Playwright Test TypeScript, pytest). Values that are only known when the suite runs (unique
 * names, ids of resources created by the test, variables from the environment) are expressions.
 */
export type ValueExpr =
  | { kind: 'literal'; value: unknown }
  /** A value from the environment, e.g. a project id the generator cannot discover. */
  | { kind: 'var'; name: string }
  /** A string unique per run, so repeated runs never collide (409 on duplicate names). */
  | {
      kind: 'unique';
      prefix: string;
      maxLength: number;
      /** Ends the value, inside `maxLength`: `@example.com` makes an address of at most that length. */
      suffix?: string;
      /** The run-unique part in letters of this case only, for a pattern that forbids digits. */
      letters?: 'lower' | 'upper';
    }
  /**
   * A field of a resource created for this test (`vm.id`). `part`: where one part of a composite
   * key is in the resource, whose id is then all of what its create answered (`region`).
   */
  | { kind: 'resource'; alias: string; field: string; part?: string }
  /** A value saved from an earlier step's response. */
  | { kind: 'saved'; name: string }
  /** A random UUIDv4: an id that does not exist. */
  | { kind: 'random-uuid' }
  /**
   * A five-digit whole number drawn per use: the number sent for text (12345 for a name), which a
   * lenient server may keep as text; drawn, it names nothing another test or run made.
   */
  | { kind: 'unique-number' }
  | { kind: 'object'; entries: Record<string, ValueExpr> }
  | { kind: 'array'; items: ValueExpr[] };

export type AuthMode = 'valid' | 'none' | 'invalid';

export interface RequestSpec {
  method: string;
  /** Path template as documented: `/api/v1/disks/{disk_id}`. */
  path: string;
  pathParams: Record<string, ValueExpr>;
  query: Record<string, ValueExpr>;
  headers: Record<string, string>;
  body: RequestBodySpec | undefined;
  auth: AuthMode;
}

export type RequestBodySpec =
  | { kind: 'json'; value: ValueExpr }
  /**
   * `multipart/form-data`: one part per entry of `value` (an object). The entries named in
   * `files` are file parts, objects `{ name, mimeType, text }`; the others are text fields.
   */
  | { kind: 'multipart'; value: ValueExpr; files: string[] }
  /** Sent verbatim: malformed JSON and the like. */
  | { kind: 'raw'; text: string; contentType: string };

/** The structured value a body carries (JSON or form parts), which steps may read back. */
export function structuredBody(body: RequestBodySpec | undefined): ValueExpr | undefined {
  return body?.kind === 'json' || body?.kind === 'multipart' ? body.value : undefined;
}

export type Assertion =
  | { kind: 'status'; oneOf: number[] }
  | { kind: 'content-type'; mediaType: string }
  /** The body matches the schema documented for the status actually received. */
  | { kind: 'documented-schema'; operation: string }
  /**
   * With `enveloped`, the field is also looked for inside the one object the server wrapped the
   * body in where the document puts none (`{"tagType": {...}}`): the check is whether a write was
   * kept; where the answer puts it is the documented-schema check's.
   */
  | { kind: 'field-equals'; path: string; value: ValueExpr; enveloped?: true }
  /** A response field equals what this step sent at `bodyPath` (unique values included). */
  | { kind: 'field-echoes'; path: string; bodyPath: string }
  | { kind: 'array-length'; path: string; min?: number; max?: number }
  /**
   * The body is the OpenAPI document the suite was generated from, as far as clients rely on it
   * (operations, statuses, schemas, links; prose aside): otherwise the suite is stale.
   */
  | { kind: 'same-contract' }
  /** The object at `path` (each one, when it is a list) has no property outside `fields`. */
  | { kind: 'fields-within'; path: string; fields: string[] };

export interface Step {
  title: string;
  phase: 'arrange' | 'act' | 'assert';
  request: RequestSpec;
  assertions: Assertion[];
  /** Values kept for later steps: `{ name: 'id', path: 'id', from: 'response' }`. */
  saves: { name: string; path: string; from: 'response' | 'body' }[];
  /** Registers what this step created for deletion after the test, whatever its outcome. */
  track: { resource: string; saved: string } | undefined;
}

export type CaseKind =
  | 'positive'
  | 'boundary'
  | 'negative'
  | 'auth'
  | 'stateful'
  | 'pagination'
  /** The served document still has the contract the suite was designed from (see ApiSuite.contract). */
  | 'contract'
  /** A business rule the spec's text states, proposed by the model (see generation/api/model-rule-cases.ts). */
  | 'rule';

export interface ApiTestCase {
  /** Stable slug, unique in a suite. */
  id: string;
  /** Says what is checked: `POST /api/v1/disks rejects a body without "name" with 422`. */
  title: string;
  kind: CaseKind;
  operation: string;
  /** Groups cases into files (one spec file per tag/resource). */
  group: string;
  /** Resources created before the test and deleted after it, whatever its outcome. */
  uses: ResourceUse[];
  steps: Step[];
  /** Sends POST/PUT/PATCH/DELETE: skipped unless the target is loopback or writes are allowed. */
  writes: boolean;
  priority: 'critical' | 'normal' | 'low';
  /** Documented behaviours this case covers: `GET /api/v1/vms 422`. */
  covers: string[];
  /**
   * Negative cases whose invalid value a server may convert instead of refusing (a number for a
   * text field): accepted, that is a contract deviation, not invalid input getting through.
   */
  coercible?: boolean;
  /** Where the convertible value is in the body (`name`, `0.title`), to compare with what the server keeps. */
  coercedField?: string;
  /**
   * Calls the operation on an identifier that names nothing. `promised`: the document lists a 404,
   * so a success answer is a state defect (the server acts on something that does not exist), not
   * invalid input getting through. `unpromised`: it lists none, so only a 5xx is a finding (see
   * unpromised-refusal.ts).
   */
  missingResource?: MissingResource;
  /**
   * An auth case on an operation that documents no 401 or 403: only the document's security says
   * credentials are needed, so a success is a contract deviation, not a security defect.
   */
  refusalUndocumented?: boolean;
}

/** Whether the document promises a 404 for an identifier that names nothing (see ApiTestCase). */
export type MissingResource = 'promised' | 'unpromised';

export interface ResourceUse {
  alias: string;
  resource: string;
  /**
   * Earlier uses of the same test handed to this one's recipe (their aliases): a flag's strategy
   * is made in the test's own flag, the one its path names, not in another the recipe would make.
   */
  given?: string[];
}

/** How to make and remove one kind of resource, for fixtures shared by every test. */
export interface ResourceRecipe {
  name: string;
  create: RequestSpec;
  /** Path to the new resource's id in the create response (`id`, `0.id`), or in the request sent. */
  idPath: string;
  /** `request`: the id is a value the create sent (an uploaded file's name), not one it answered. */
  idFrom?: 'response' | 'request';
  /**
   * A lookup in a list whose items say which are usable (`enabled: true`): the id is read from
   * the first such item (`itemIdPath` of it), else from the first item, not from `idPath`'s.
   */
  usableItem?: { arrayPath: string; itemIdPath: string; field: string; value: boolean };
  /** The status a successful create (or lookup) answers. */
  createStatus: number;
  /** Request that removes it; `{ kind: 'saved', name: 'self' }` stands for its id. */
  remove: RequestSpec | undefined;
  /** Resources the create request needs first (a disk attach needs a VM). */
  needs: ResourceUse[];
  /** A sub-resource: a need the test already holds (`ResourceUse.given`) is taken, not made again. */
  takesParents?: boolean;
}

/**
 * The statuses a recipe's create may answer when a test only arranges a resource with it: the
 * documented one, and for a create also 200 or 201 (either says it was made). Whether the create
 * answers its documented status is its own success test's check; a fixture refusing the other
 * would fail every test that needs the resource for that one cause, and verify nothing else.
 */
export function arrangeStatuses(recipe: ResourceRecipe): number[] {
  if (recipe.create.method.toUpperCase() !== 'POST') return [recipe.createStatus];
  return [...new Set([recipe.createStatus, 200, 201])];
}

export interface ApiSuite {
  title: string;
  /** How the API authenticates, as the emitted client applies it. */
  auth: {
    kind: 'bearer' | 'basic' | 'api-key' | 'none';
    in?: 'header' | 'query' | 'cookie';
    name?: string;
    /** `bearer`: the scheme word sent before the token, `Authorization: <prefix> <token>` (default Bearer). */
    prefix?: string;
  };
  specSource: string;
  cases: ApiTestCase[];
  recipes: ResourceRecipe[];
  /** Environment variables the suite reads, with what each is for. */
  variables: SuiteVariable[];
  /** Schema document plus response schemas keyed by `METHOD path` → status. */
  schemas: SuiteSchemas;
  /** `statuses`: the documented response statuses as written (`200`, `404`, `4XX`, `default`). */
  operations: { key: string; tag: string; statuses?: string[] }[];
  skippedOperations: { operation: string; reason: string }[];
  /** Parts of tested operations the spec leaves undefined (dangling `$ref`s), tested as unconstrained. */
  unconstrained?: OperationWarning[];
  /**
   * How the suite gets credentials of its own when none are given (`API_TOKEN`/`API_KEY` unset):
   * a register → log-in flow found in the spec, sent without credentials.
   */
  signIn?: SignInFlow;
  /**
   * The document the suite was designed from, as the API itself served it (JSON, OpenAPI 3.x,
   * fetched from the API's own host), for the check that it has not changed since.
   */
  contract?: { url: string; document: Record<string, unknown> };
  /** Tests designed but left out, with why (e.g. they would delete a resource given with `--var`). */
  withheldTests?: { test: string; operation: string; reason: string }[];
}

/** Something about an operation the user should know, where in the spec it is, and why. */
export interface OperationWarning {
  operation: string;
  pointer: string;
  reason: string;
}

export interface SignInFlow {
  /** Register (when the API has it) then log in; the log-in body reuses what registration sent (`saved`). */
  steps: Step[];
  /** Where the token is in the last step's response: `token`, `user.token`, `access_token`. */
  tokenPath: string;
}

export interface SuiteVariable {
  name: string;
  env: string;
  description: string;
  required: boolean;
  /** Value given at generation time (`--var`), written into the suite's `.env.example` only. */
  example: string | undefined;
}

export interface SuiteSchemas {
  dialect: 'draft-07' | '2020-12';
  document: { components: { schemas: Record<string, unknown> } };
  responses: Record<string, Record<string, { contentType: string | undefined; schema: unknown }>>;
}

/** The "Assert: …" wording of a step, shared by every emitter so reports of all formats read alike. */
export function describeAssertions(assertions: Assertion[]): string {
  const parts: string[] = [];
  for (const assertion of assertions) {
    if (assertion.kind === 'status') parts.push(`status ${assertion.oneOf.join(' or ')}`);
    if (assertion.kind === 'content-type') parts.push(assertion.mediaType);
    if (assertion.kind === 'documented-schema') parts.push('body matches the documented schema');
    if (assertion.kind === 'field-equals' || assertion.kind === 'field-echoes')
      parts.push(`"${assertion.path}" as expected`);
    if (assertion.kind === 'same-contract')
      parts.push('same contract as the document the suite was generated from');
    if (assertion.kind === 'fields-within') parts.push(`only the fields ${assertion.fields.join(', ')}`);
    if (assertion.kind === 'array-length')
      parts.push(`"${assertion.path || 'body'}" item count within bounds`);
  }
  return [...new Set(parts)].join(', ');
}
