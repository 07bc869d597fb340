import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestopsError } from '../../src/core/errors.ts';
import { buildApiModel } from '../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../src/sources/openapi/load-spec.ts';

const BROKEN_SUBSET = 'test/fixtures/specs/evolution-compute-v3.vms-disks-flavors.yaml';

async function specFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'testops-spec-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('loading specs', () => {
  it('models every operation with a dangling $ref, the missing part unconstrained, reported by JSON pointer', async () => {
    const model = buildApiModel(await loadSpec(BROKEN_SUBSET));
    expect(model.operations.length).toBe(19);
    expect(model.issues).toEqual([]);
    const degraded = new Set(model.warnings!.map((warning) => warning.operation));
    expect(degraded.size).toBe(8);
    const disks = model.warnings!.find((warning) => warning.operation === 'POST /api/v1/disks')!;
    expect(disks.pointer).toBe(
      '#/paths/~1api~1v1~1disks/post/requestBody/content/application~1json/schema/$ref',
    );
    expect(disks.message).toContain('$ref "#/components/schemas/PublicDiskCreateRequest" does not resolve');
    expect(disks.message).toContain('Tip:');
    const body = model.operations.find((operation) => operation.key === 'POST /api/v1/disks')!.requestBody;
    expect(body?.schema).toEqual({});
    // A missing schema inside a shared component is relaxed once, in the component itself.
    const power = model.warnings!.find(
      (warning) => warning.operation === 'POST /api/v1/vms/{vm_id}/set-power',
    )!;
    expect(power.pointer).toBe('#/components/schemas/VmSetPowerRequest/properties/state/$ref');
    const setPower = model.schemaDocument.components.schemas['VmSetPowerRequest']!;
    expect(setPower.properties?.['state']).toEqual({});
    expect(setPower.required).toContain('state');
  });

  it('loads Swagger 2.0 and OpenAPI 3.1 into the same model', async () => {
    const swagger = await specFile(
      'swagger.json',
      JSON.stringify({
        swagger: '2.0',
        info: { title: 'Pets', version: '1' },
        paths: {
          '/pets/{id}': {
            get: {
              parameters: [{ name: 'id', in: 'path', required: true, type: 'integer' }],
              responses: { 200: { description: 'ok', schema: { $ref: '#/definitions/Pet' } } },
            },
          },
        },
        definitions: {
          Pet: {
            type: 'object',
            required: ['id'],
            properties: { id: { type: 'integer' }, parent: { $ref: '#/definitions/Pet' } },
          },
        },
      }),
    );
    const v2 = buildApiModel(await loadSpec(swagger));
    expect(v2.sourceVersion).toBe('2.0');
    expect(v2.operations.map((operation) => operation.key)).toEqual(['GET /pets/{id}']);
    const openapi31 = await specFile(
      'openapi.yaml',
      [
        'openapi: 3.1.0',
        'info: {title: T, version: "1"}',
        'paths:',
        '  /items:',
        '    get:',
        '      responses:',
        "        '200':",
        '          description: ok',
        '          content:',
        '            application/json:',
        '              schema: {type: [array, "null"], items: {type: string}}',
      ].join('\n'),
    );
    const v31 = buildApiModel(await loadSpec(openapi31));
    expect(v31.schemaDialect).toBe('2020-12');
    expect(v31.operations).toHaveLength(1);
  });

  it('bundles external $refs, keeps circular schemas, and converts nullable', async () => {
    const model = buildApiModel(await loadSpec('test/sources/fixtures/pets-root.yaml'));
    expect(model.issues).toEqual([]);
    const [operation] = model.operations;
    // The bundler inlines an external schema where it is first used; the cycle back to it is
    // cut to "any value" one level down rather than looping.
    const pet = operation!.responses[0]!.schema!.items!;
    expect(pet.required).toEqual(['id', 'name']);
    expect(pet.properties!['name']).toEqual({ type: ['string', 'null'] });
    expect(pet.properties!['owner']!.properties!['pets']!.items).toMatchObject({ type: 'object' });
  });

  it('explains unparsable YAML with the line and a tip', async () => {
    const path = await specFile('bad.yaml', 'openapi: 3.0.3\npaths:\n  /a:\n    get: [unclosed\n');
    await expect(loadSpec(path)).rejects.toThrow(TestopsError);
    await expect(loadSpec(path)).rejects.toThrow(/bad\.yaml:\d+:\d+: invalid YAML[\s\S]*Tip:/);
  });

  it('refuses a document that is not OpenAPI with the expected version field', async () => {
    const path = await specFile('not-openapi.json', JSON.stringify({ hello: 'world' }));
    await expect(loadSpec(path)).rejects.toMatchObject({ code: 'TESTOPS_SPEC_UNSUPPORTED_VERSION' });
  });

  it('says where a missing file was looked for', async () => {
    await expect(loadSpec('does/not/exist.yaml')).rejects.toMatchObject({ code: 'TESTOPS_SOURCE_NOT_FOUND' });
  });
});

describe('loading a spec given by someone else (the guard)', () => {
  const guard = { allowPrivate: false };

  it('never reads this machine’s files through an external $ref', async () => {
    const secret = await specFile(
      'secret.yaml',
      'Pet: { type: object, properties: { leaked: { type: string } } }\n',
    );
    const spec = await specFile(
      'spec.yaml',
      [
        'openapi: 3.0.3',
        "info: { title: Pets, version: '1' }",
        'paths:',
        '  /pets:',
        '    get:',
        '      responses:',
        "        '200':",
        '          description: ok',
        '          content:',
        '            application/json:',
        `              schema: { $ref: '${secret}#/Pet' }`,
      ].join('\n'),
    );
    const trusted = await loadSpec(spec);
    expect(JSON.stringify(trusted.document)).toContain('leaked');
    const guarded = await loadSpec(spec, { guard });
    expect(JSON.stringify(guarded.document)).not.toContain('leaked');
  });

  it('refuses a spec URL on this machine unless private targets are allowed', async () => {
    const error = await loadSpec('http://127.0.0.1:9/openapi.json', { guard }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TestopsError);
    expect((error as TestopsError).code).toBe('TESTOPS_URL_REFUSED');
  });
});
