import { describe, expect, it } from 'vitest';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

const ok = { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } };
const spec = {
  openapi: '3.0.3',
  info: { title: 'Boxes', version: '1' },
  security: [{ key: [] }],
  paths: {
    '/boxes/{box}/items/{item}': {
      // A path-level parameter object that names nothing: the path variable is still filled.
      parameters: [{ $ref: '#/components/parameters/BoxId' }],
      get: {
        parameters: [
          { name: 'item', in: 'path', required: true, schema: { $ref: '#/components/schemas/ItemId' } },
          { name: 'size', in: 'query', schema: { $ref: '#/definitions/Size' } },
          { name: 'X-Trace', in: 'header', schema: { $ref: '#/components/schemas/Trace' } },
          { name: 'pref', in: 'cookie', schema: { $ref: '#/components/schemas/Pref' } },
          {
            name: 'limit',
            in: 'query',
            required: true,
            schema: { type: 'integer', minimum: 1, maximum: 50 },
          },
          // Through a chain whose last hop names nothing: its name and location are unknown.
          { $ref: '#/components/parameters/Filter' },
        ],
        responses: { '200': ok, '401': { description: 'no key' } },
      },
    },
  },
  components: {
    parameters: { Filter: { $ref: '#/components/parameters/Removed' } },
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
  },
};

function model() {
  return buildApiModel({ location: 'boxes.json', sourceVersion: '3.0', document: spec, referenceIssues: [] });
}

describe('a parameter whose $ref names nothing', () => {
  it('degrades its operation instead of skipping it: the part is unconstrained, the rest as documented', () => {
    const built = model();
    expect(built.issues).toEqual([]);
    const [operation] = built.operations;
    expect(operation?.key).toBe('GET /boxes/{box}/items/{item}');
    const parameters = Object.fromEntries(operation!.parameters.map((p) => [`${p.in}:${p.name}`, p]));
    expect(Object.keys(parameters).sort()).toEqual([
      'cookie:pref',
      'header:X-Trace',
      'path:box',
      'path:item',
      'query:limit',
      'query:size',
    ]);
    // Each dangling schema is any value; the undeclared path variable an unconstrained string.
    for (const key of ['cookie:pref', 'header:X-Trace', 'path:item', 'query:size'])
      expect(parameters[key]!.schema, key).toEqual({});
    expect(parameters['path:box']).toMatchObject({ required: true, schema: { type: 'string' } });
    expect(parameters['query:limit']!.schema).toEqual({ type: 'integer', minimum: 1, maximum: 50 });
  });

  it('says where each unresolved part is and how to fix it', () => {
    const warnings = model().warnings!;
    expect(warnings.map((warning) => warning.pointer).sort()).toEqual([
      '#/components/parameters/Filter/$ref',
      '#/paths/~1boxes~1{box}~1items~1{item}/get/parameters/X-Trace/schema/$ref',
      '#/paths/~1boxes~1{box}~1items~1{item}/get/parameters/item/schema/$ref',
      '#/paths/~1boxes~1{box}~1items~1{item}/get/parameters/pref/schema/$ref',
      '#/paths/~1boxes~1{box}~1items~1{item}/get/parameters/size/schema/$ref',
      '#/paths/~1boxes~1{box}~1items~1{item}/parameters/0/$ref',
    ]);
    const byPointer = (end: string) => warnings.find((warning) => warning.pointer.endsWith(end))!.message;
    expect(byPointer('/parameters/0/$ref')).toContain(
      '$ref "#/components/parameters/BoxId" does not resolve; that parameter is left out',
    );
    expect(byPointer('/parameters/0/$ref')).toContain('Tip: add components.parameters.BoxId');
    expect(byPointer('Filter/$ref')).toContain('$ref "#/components/parameters/Removed" does not resolve');
    expect(byPointer('size/schema/$ref')).toContain(
      '$ref "#/definitions/Size" does not resolve; that part is tested as unconstrained',
    );
    expect(byPointer('size/schema/$ref')).toContain('Tip: add definitions.Size');
    expect(byPointer('item/schema/$ref')).toContain('Tip: add "ItemId" under components.schemas');
  });

  it('still gets the tests the rest allows: statuses, auth, negative cases on what resolves', () => {
    const suite = generateApiSuite(model(), { specSource: 'boxes.json' });
    expect(suite.skippedOperations).toEqual([]);
    const kinds = new Set(suite.cases.map((testCase) => testCase.kind));
    expect(kinds).toContain('positive');
    expect(kinds).toContain('auth');
    const negatives = suite.cases.filter((testCase) => testCase.kind === 'negative').map((c) => c.title);
    expect(negatives.some((title) => title.includes('limit'))).toBe(true);
    // Unconstrained parameters have no invalid value to send.
    expect(negatives.some((title) => /\b(size|pref|X-Trace)\b/.test(title))).toBe(false);
    expect(suite.unconstrained).toHaveLength(6);
  });
});
