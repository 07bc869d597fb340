import { successResponse, type ApiOperation } from '../../core/api-model.ts';
import { schemaTypes, type JsonSchema } from '../../core/json-schema.ts';
import { samePath } from '../../core/resource-names.ts';
import type { ApiTestCase, ResourceRecipe, ValueExpr } from '../../core/test-case.ts';
import { successStatus } from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';

const WRITES = new Set(['post', 'put', 'patch']);

/**
 * A server-wide setting: a write to a path with no identifier in it (`POST /admin/maintenance`,
 * `PUT /settings`) whose read on the same path answers one object carrying the fields the write
 * sends. Such a write changes the server for every later test (a maintenance switch turned on
 * refuses every write after it), so each test of it reads the setting first and writes it back
 * after, whatever its outcome: the same clean-up the suite gives the resources it creates.
 */
export interface SettingsResource {
  /** The recipe's name: `maintenance settings`. */
  name: string;
  read: ApiOperation;
  write: ApiOperation;
  /** The body fields the write sends back, each read from the same field of the read. */
  fields: string[];
}

export function settingsResources(context: GenerationContext): SettingsResource[] {
  const found: SettingsResource[] = [];
  const creates = new Set(context.graph.kinds.flatMap((kind) => (kind.create ? [kind.create.key] : [])));
  for (const write of context.model.operations) {
    if (!WRITES.has(write.method) || write.path.includes('{') || creates.has(write.key)) continue;
    const read = context.model.operations.find(
      (operation) => operation.method === 'get' && samePath(operation.path, write.path),
    );
    if (!read || !write.requestBody) continue;
    const readFields = objectProperties(context, successResponse(read)?.schema);
    const body = context.schemas.flatten(write.requestBody.schema);
    const sent = objectProperties(context, write.requestBody.schema);
    if (!readFields || !sent || sent.length === 0) continue;
    // Every field the write must send can be read back: the read answers the setting itself,
    // not a list of things or something else kept at that path.
    const required = body.required?.length ? body.required : sent;
    if (!required.every((field) => readFields.includes(field))) continue;
    found.push({
      name: settingName(write.path),
      read,
      write,
      fields: sent.filter((field) => readFields.includes(field)),
    });
  }
  return found;
}

/** The recipe that reads a setting (its "id" is the whole answer) and writes it back. */
export function settingsRecipe(context: GenerationContext, settings: SettingsResource): ResourceRecipe {
  const read = context.requests.build(settings.read).request;
  const entries: Record<string, ValueExpr> = Object.fromEntries(
    settings.fields.map((field) => [field, { kind: 'saved', name: `self.${field}` }]),
  );
  return {
    name: settings.name,
    create: read,
    idPath: '',
    createStatus: successStatus(settings.read),
    remove: {
      method: settings.write.method.toUpperCase(),
      path: settings.write.path,
      pathParams: {},
      query: {},
      headers: {},
      body: { kind: 'json', value: { kind: 'object', entries } },
      auth: 'valid',
    },
    needs: [],
  };
}

/**
 * Every test of a settings write gets the setting read before it and written back after it; the
 * recipes that do so are returned for the suite's resources.
 */
export function restoreSettings(
  context: GenerationContext,
  cases: ApiTestCase[],
): { cases: ApiTestCase[]; recipes: ResourceRecipe[] } {
  const settings = settingsResources(context);
  const used = new Map<string, ResourceRecipe>();
  const restored = cases.map((testCase) => {
    const writes = settings.filter((setting) =>
      testCase.steps.some(
        (step) =>
          step.request.method.toLowerCase() === setting.write.method &&
          samePath(step.request.path, setting.write.path),
      ),
    );
    if (writes.length === 0) return testCase;
    for (const setting of writes)
      if (!used.has(setting.name)) used.set(setting.name, settingsRecipe(context, setting));
    const uses = writes
      .filter((setting) => !testCase.uses.some((use) => use.resource === setting.name))
      .map((setting) => ({ alias: aliasOf(setting.name), resource: setting.name }));
    return { ...testCase, uses: [...testCase.uses, ...uses] };
  });
  return { cases: restored, recipes: [...used.values()] };
}

function objectProperties(context: GenerationContext, schema: JsonSchema | undefined): string[] | undefined {
  if (!schema) return undefined;
  const flat = context.schemas.flatten(schema);
  const types = schemaTypes(flat);
  if (!flat.properties || (types.length > 0 && !types.includes('object'))) return undefined;
  return Object.keys(flat.properties);
}

/** `/api/admin/maintenance` → `maintenance settings`; `/settings/` → `settings`. */
function settingName(path: string): string {
  const last =
    path
      .split('/')
      .filter(Boolean)
      .at(-1)
      ?.replace(/[^A-Za-z0-9]+/g, ' ')
      .trim() || 'server';
  return /settings|config|preferences/i.test(last) ? last : `${last} settings`;
}

function aliasOf(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase();
}
