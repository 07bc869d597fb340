import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestopsError } from '../../src/core/errors.ts';
import { buildApiModel } from '../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../src/sources/openapi/load-spec.ts';
import { yamlBomb } from '../fixtures/specs/yaml-bomb.ts';

// Hostile or absurd specs: each is a clear error for its operation or for the document, never a
// stack overflow, a hang, or "does not resolve" for a reference that exists.

async function specFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'testops-spec-limits-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function loadError(path: string): Promise<TestopsError> {
  const error = await loadSpec(path).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(TestopsError);
  return error as TestopsError;
}

const HEAD = '"openapi":"3.0.3","info":{"title":"T","version":"1"}';

/** `count` components, each a `$ref` to the next; the last is the real thing. */
function chainSpec(count: number): string {
  const schemas: Record<string, unknown> = {};
  const parameters: Record<string, unknown> = {};
  for (let index = 0; index < count; index++) {
    const last = index === count - 1;
    schemas[`S${index}`] = last ? { type: 'string' } : { $ref: `#/components/schemas/S${index + 1}` };
    parameters[`P${index}`] = last
      ? { name: 'q', in: 'query', schema: { type: 'string' } }
      : { $ref: `#/components/parameters/P${index + 1}` };
  }
  const ok = { '200': { description: 'ok' } };
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths: {
      '/schema-chain': {
        get: {
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } },
            },
          },
        },
      },
      '/parameter-chain': { get: { parameters: [{ $ref: '#/components/parameters/P0' }], responses: ok } },
      '/plain': { get: { responses: ok } },
    },
    components: { schemas, parameters },
  });
}

describe('spec limits', () => {
  it('a YAML bomb (billion laughs) fails as TESTOPS_SPEC_TOO_COMPLEX saying the document expands too much', async () => {
    const bomb = yamlBomb(8);
    const error = await loadError(await specFile('bomb.yaml', bomb));
    expect(error.code).toBe('TESTOPS_SPEC_TOO_COMPLEX');
    expect(error.message).toContain('the document expands too much');
    expect(error.message).toContain('Tip:');
  });

  it('a 10,000-level nested JSON spec fails as TESTOPS_SPEC_TOO_COMPLEX naming the pointer', async () => {
    const schema = '{"type":"object","properties":{"a":'.repeat(5_000) + '{}' + '}}'.repeat(5_000);
    const text = `{${HEAD},"paths":{},"components":{"schemas":{"Deep":${schema}}}}`;
    const error = await loadError(await specFile('deep.json', text));
    expect(error.code).toBe('TESTOPS_SPEC_TOO_COMPLEX');
    expect(error.message).toContain('#/components/schemas/Deep/properties/a/');
    expect(error.message).toContain('nested deeper than 200 levels');
    expect(error.message).not.toContain('Maximum call stack');
  });

  it('a 10,000-level nested YAML spec fails as TESTOPS_SPEC_TOO_COMPLEX, not a parser stack overflow', async () => {
    const text = `openapi: 3.0.3\npaths: {}\nx-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const error = await loadError(await specFile('deep.yaml', text));
    expect(error.code).toBe('TESTOPS_SPEC_TOO_COMPLEX');
    expect(error.message).not.toContain('Maximum call stack');
  });

  it('a 10k-deep $ref chain is an issue of its operation naming the chain, not "does not resolve"', async () => {
    const model = buildApiModel(await loadSpec(await specFile('chain.json', chainSpec(10_000))));
    expect(model.operations.map((operation) => operation.key)).toEqual(['GET /plain']);
    const messages = Object.fromEntries(model.issues.map((issue) => [issue.operation, issue.message]));
    expect(messages['GET /schema-chain']).toContain(
      'a $ref chain deeper than 64 at #/components/schemas/S63/$ref',
    );
    expect(messages['GET /parameter-chain']).toContain(
      'a $ref chain deeper than 64 at #/components/parameters/P64',
    );
    for (const message of Object.values(messages)) {
      expect(message).not.toContain('does not resolve');
      expect(message).not.toContain('Maximum call stack');
    }
  });

  it('a 60-deep $ref chain resolves', async () => {
    const model = buildApiModel(await loadSpec(await specFile('chain.json', chainSpec(60))));
    expect(model.issues).toEqual([]);
    expect(model.operations).toHaveLength(3);
  });

  it('schemas nested 1,000+ levels across a short $ref chain are an issue of their operation', async () => {
    // Each component is within the document's depth bound; chained, they are not walkable.
    const schemas: Record<string, unknown> = {};
    for (let index = 0; index < 10; index++) {
      let schema: unknown = index === 9 ? { type: 'string' } : { $ref: `#/components/schemas/C${index + 1}` };
      for (let level = 0; level < 95; level++) schema = { type: 'object', properties: { a: schema } };
      schemas[`C${index}`] = schema;
    }
    const body = { content: { 'application/json': { schema: { $ref: '#/components/schemas/C0' } } } };
    const text = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: { '/deep': { post: { requestBody: body, responses: { '200': { description: 'ok' } } } } },
      components: { schemas },
    });
    const model = buildApiModel(await loadSpec(await specFile('nested-chain.json', text)));
    expect(model.operations).toEqual([]);
    expect(model.issues[0]!.message).toContain(
      'a schema nested deeper than 1000 levels (counting $ref hops)',
    );
    expect(model.issues[0]!.message).toContain('…');
  });

  it('a component schema behind a 10k-deep chain of foreign $refs fails the document, naming it', async () => {
    const hops: Record<string, unknown> = {};
    for (let index = 0; index < 10_000; index++) hops[`h${index}`] = { $ref: `#/x-hops/h${index + 1}` };
    const text = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {},
      components: { schemas: { Far: { $ref: '#/x-hops/h0' } } },
      'x-hops': hops,
    });
    const spec = await loadSpec(await specFile('foreign.json', text));
    let error: unknown;
    try {
      buildApiModel(spec);
    } catch (failure) {
      error = failure;
    }
    expect(error).toBeInstanceOf(TestopsError);
    expect((error as TestopsError).code).toBe('TESTOPS_SPEC_TOO_COMPLEX');
    expect((error as TestopsError).message).toContain('#/components/schemas/Far');
    expect((error as TestopsError).message).toContain('a $ref chain deeper than 64');
  });
});
