import { describe, expect, it } from 'vitest';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

function titlesFor(properties: Record<string, unknown>): string[] {
  const tag = { type: 'object', properties };
  const document = {
    openapi: '3.0.3',
    info: { title: 'Tags', version: '1' },
    paths: {
      '/tags': {
        post: {
          requestBody: { required: true, ...json({ ...tag, required: Object.keys(properties) }) },
          responses: { '201': { description: 'made', ...json(tag) } },
        },
      },
    },
  };
  const model = buildApiModel({ location: 'tags.json', sourceVersion: '3.0', document, referenceIssues: [] });
  return generateApiSuite(model, { specSource: 'tags.json' }).cases.map((testCase) => testCase.title);
}

describe('values at their documented maximum length', () => {
  it('are sent for free text, never for a field that takes one of the server’s own names', () => {
    const titles = titlesFor({
      value: { type: 'string', maxLength: 50, example: 'a-tag-value' },
      type: { type: 'string', maxLength: 50, example: 'simple' },
      tagType: { type: 'string', maxLength: 50 },
      provider_kind: { type: 'string', maxLength: 20 },
    });
    const boundaries = titles.filter((title) => title.includes('at its maximum length'));
    expect(boundaries).toEqual(['POST /tags accepts "value" at its maximum length (50)']);
  });
});
