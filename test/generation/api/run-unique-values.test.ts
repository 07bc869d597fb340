import { describe, expect, it } from 'vitest';
import type { ApiSuite, ValueExpr } from '../../../src/core/test-case.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import type { ValueRepair } from '../../../src/generation/api/value-repairs.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

// Values the suite creates must not collide with an earlier run's data the server kept.
const member = {
  type: 'object',
  required: ['contact', 'username', 'slug', 'title', 'code', 'role', 'bio'],
  properties: {
    id: { type: 'integer', readOnly: true },
    contact: { type: 'string', format: 'email' },
    username: { type: 'string', maxLength: 12 },
    slug: { type: 'string', pattern: '^[a-z0-9-]+$' },
    title: { type: 'string' },
    code: { type: 'string', description: 'Must be unique across the organisation.' },
    role: { type: 'string', enum: ['admin', 'member'] },
    bio: { type: 'string' },
    tag: { type: 'string', pattern: '^[a-z]+$', description: 'A unique tag, letters only.' },
  },
};
const spec = {
  openapi: '3.0.3',
  info: { title: 'Members', version: '1' },
  paths: {
    '/members': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: member } } },
        responses: { '201': { description: 'made', content: { 'application/json': { schema: member } } } },
      },
    },
  },
};

function createBody(repairs: ValueRepair[] = []): Record<string, ValueExpr> {
  const model = buildApiModel({
    location: 'm.json',
    sourceVersion: '3.0',
    document: spec,
    referenceIssues: [],
  });
  const suite: ApiSuite = generateApiSuite(model, { specSource: 'm.json', repairs });
  const create = suite.cases.find((testCase) => testCase.kind === 'positive')!;
  const body = create.steps[0]!.request.body;
  if (body?.kind !== 'json' || body.value.kind !== 'object') throw new Error('no JSON object body');
  return body.value.entries;
}

describe('values unique per run', () => {
  it('makes every unique-looking field run-unique: by name, by email format, by the spec’s word', () => {
    const body = createBody();
    expect(body['contact']).toEqual({
      kind: 'unique',
      prefix: 'qa',
      maxLength: 64,
      suffix: '@example.com',
    });
    expect(body['username']).toEqual({ kind: 'unique', prefix: 'username'.slice(0, 2), maxLength: 12 });
    for (const field of ['slug', 'title', 'code']) expect(body[field]?.kind, field).toBe('unique');
    // An enum is a choice, prose is not kept unique.
    expect(body['role']).toEqual({ kind: 'literal', value: 'admin' });
    expect(body['bio']?.kind).toBe('literal');
  });

  it('keeps a learned value’s text and length but ends it run-unique, on unique-looking fields only', () => {
    const learned = (path: string, value: unknown): ValueRepair => ({
      operation: 'POST /members',
      in: 'body',
      path: [path],
      value,
    });
    const body = createBody([
      learned('contact', 'member.one@corp.example'),
      learned('username', 'qa_user_1'),
      learned('slug', 'qa'),
      learned('bio', 'Learned prose.'),
    ]);
    expect(body['contact']).toEqual({
      kind: 'unique',
      prefix: 'memb',
      maxLength: 'member.one@corp.example'.length,
      suffix: '@corp.example',
    });
    expect(body['username']).toEqual({ kind: 'unique', prefix: 'qa_', maxLength: 9 });
    expect(body['slug']).toEqual({ kind: 'unique', prefix: 'qa', maxLength: 8 });
    expect(body['bio']).toEqual({ kind: 'literal', value: 'Learned prose.' });
  });

  it('keeps a run-unique value in letters when the pattern forbids digits, in the pattern’s case', () => {
    const body = createBody([
      { operation: 'POST /members', in: 'body', path: ['tag'], value: 'members' },
      { operation: 'POST /members', in: 'body', path: ['role'], value: 'member' },
    ]);
    // The base-36 part has digits, which the tag's pattern forbids: its letters-only form fits.
    expect(body['tag']).toEqual({ kind: 'unique', prefix: 'me', maxLength: 8, letters: 'lower' });
    expect(body['role']).toEqual({ kind: 'literal', value: 'member' });
  });

  it('makes an upper-case code run-unique in capitals, and gives up where no letters fit', () => {
    const schemaOf = (pattern: string, maxLength?: number): Record<string, unknown> => ({
      type: 'object',
      required: ['code'],
      properties: { code: { type: 'string', pattern, description: 'Unique code.', maxLength } },
    });
    const bodyFor = (schema: Record<string, unknown>): Record<string, ValueExpr> => {
      const model = buildApiModel({
        location: 'c.json',
        sourceVersion: '3.0',
        document: {
          openapi: '3.0.3',
          info: { title: 'Codes', version: '1' },
          paths: {
            '/codes': {
              post: {
                requestBody: { required: true, content: { 'application/json': { schema } } },
                responses: { '201': { description: 'made' } },
              },
            },
          },
        },
        referenceIssues: [],
      });
      const suite = generateApiSuite(model, { specSource: 'c.json' });
      const body = suite.cases.find((testCase) => testCase.kind === 'positive')!.steps[0]!.request.body;
      if (body?.kind !== 'json' || body.value.kind !== 'object') throw new Error('no JSON object body');
      return body.value.entries;
    };
    expect(bodyFor(schemaOf('^[A-Z_]+$'))['code']).toEqual({
      kind: 'unique',
      prefix: 'CODE',
      maxLength: 64,
      letters: 'upper',
    });
    // Digits only: no letters variant passes, so the sampled value stays.
    expect(bodyFor(schemaOf('^[0-9]+$'))['code']?.kind).toBe('literal');
  });
});
