import { describe, expect, it } from 'vitest';
import type { ApiSuite } from '../../../src/core/test-case.ts';
import { jsonContent as json, suiteOfDocument } from '../../support/api-document.ts';

// The valid create with every optional field a client may send. Only fields whose value means
// itself: no ids, no names of kinds the API manages, no passwords, no formats with rules of their
// own, no lists of names, no numbers inside listed objects, no server vocabulary made up.

const thing = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', maxLength: 64 },
    description: { type: 'string', example: 'The tier a user pays for' },
    enabled: { type: 'boolean' },
    sortOrder: { type: 'integer', example: 2 },
    legalValues: {
      type: 'array',
      items: {
        type: 'object',
        required: ['value'],
        properties: { value: { type: 'string' }, description: { type: 'string' } },
      },
      example: [{ value: 'gold' }, { value: 'silver' }],
    },
    projectId: { type: 'string' },
    projects: { type: 'array', items: { type: 'string' } },
    labels: { type: 'array', items: { type: 'string' } },
    password: { type: 'string', minLength: 10 },
    type: { type: 'string' },
    expiresAt: { type: 'string', format: 'date-time' },
    variants: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, weight: { type: 'integer' } } },
    },
  },
};
function suiteOf(body: unknown = thing): ApiSuite {
  return suiteOfDocument(
    {
      openapi: '3.0.3',
      info: { title: 'things', version: '1' },
      paths: {
        '/things': {
          post: {
            requestBody: { required: true, ...json(body) },
            responses: { '201': { description: 'made', ...json(thing) } },
          },
        },
        '/projects': {
          post: {
            requestBody: {
              required: true,
              ...json({ type: 'object', properties: { title: { type: 'string' } } }),
            },
            responses: {
              '201': {
                description: 'made',
                ...json({ type: 'object', properties: { id: { type: 'string' } } }),
              },
            },
          },
        },
        '/projects/{projectId}': {
          get: {
            parameters: [{ name: 'projectId', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '200': { description: 'one' } },
          },
        },
      },
    },
    'things.json',
  );
}

describe('the create with every documented field', () => {
  it('adds the optional fields whose values mean themselves, and expects the documented success', () => {
    const suite = suiteOf();
    const every = suite.cases.find((testCase) =>
      testCase.title.startsWith('POST /things accepts every documented field'),
    )!;
    expect(every.title).toBe(
      'POST /things accepts every documented field ("description", "enabled", "sortOrder", "legalValues")',
    );
    expect(every.kind).toBe('boundary');
    const request = every.steps.at(-1)!.request;
    expect(request.body).toMatchObject({
      kind: 'json',
      value: {
        kind: 'object',
        entries: {
          name: { kind: 'unique' },
          description: { kind: 'literal', value: 'The tier a user pays for' },
          sortOrder: { kind: 'literal', value: 2 },
          legalValues: { kind: 'array' },
        },
      },
    });
    // Status and schema only: a server may keep its own value of a field (an order it assigns).
    const checks = every.steps.at(-1)!.assertions.map((assertion) => assertion.kind);
    expect(checks).toContain('status');
    expect(checks).not.toContain('field-echoes');
  });

  it('designs none when the body has no optional field to add', () => {
    const minimal = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, projectId: { type: 'string' } },
    };
    const suite = suiteOf(minimal);
    expect(
      suite.cases
        .filter((testCase) => testCase.title.startsWith('POST /things accepts every'))
        .map((t) => t.title),
    ).toEqual([]);
  });
});
