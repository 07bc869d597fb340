import { describe, expect, it } from 'vitest';
import { contractChanges, contractOf } from '../../../src/emit/playwright-ts/runtime/contract.ts';

const book = {
  type: 'object',
  required: ['id', 'title'],
  properties: {
    id: { type: 'integer' },
    title: { type: 'string', description: 'a field named title' },
    description: { type: 'string' },
  },
};
const document = () => ({
  openapi: '3.0.3',
  info: { title: 'Books', version: '1' },
  paths: {
    '/books/{id}': {
      get: {
        summary: 'Get a book.',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'fields', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
        ],
        responses: {
          '200': {
            description: 'the book',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } },
            links: {
              GetAuthor: { operationId: 'getAuthorById', parameters: { id: '$response.body#/authorId' } },
            },
          },
        },
      },
    },
  },
  components: { schemas: { Book: structuredClone(book) } },
});

describe('the contract drift check of emitted suites', () => {
  it('finds no change when only prose, key order, parameter order or unordered lists differ', () => {
    const served = document();
    served.info.version = '2';
    const get = served.paths['/books/{id}'].get;
    get.summary = 'Fetch one book by id.';
    get.parameters.reverse();
    get.responses['200'].description = 'one book';
    served.components.schemas.Book.required.reverse();
    served.components.schemas.Book.properties.title.description = 'changed prose';
    expect(contractChanges(document(), served)).toEqual([]);
  });

  it('keeps fields whose names are prose words: a removed "description" property is a change', () => {
    const served = document();
    delete (served.components.schemas.Book.properties as Record<string, unknown>)['description'];
    expect(contractChanges(document(), served)).toEqual([
      'components.schemas.Book.properties.description: removed',
    ]);
  });

  it('names each changed status, schema, parameter and link', () => {
    const served = document();
    const get = served.paths['/books/{id}'].get;
    (get.responses as Record<string, unknown>)['404'] = { description: 'no such book' };
    (get.responses['200'] as { links: unknown }).links = {};
    (get.parameters[1] as { schema: unknown }).schema = { type: 'string' };
    served.components.schemas.Book.properties.id.type = 'string';
    expect(contractChanges(document(), served)).toEqual([
      'components.schemas.Book.properties.id.type: "integer" → "string"',
      'paths./books/{id}.get.parameters.query fields.schema.items: removed',
      'paths./books/{id}.get.parameters.query fields.schema.type: "array" → "string"',
      'paths./books/{id}.get.responses.200.links.GetAuthor: removed',
      'paths./books/{id}.get.responses.404: added',
    ]);
  });

  it('sees an operation renamed or moved', () => {
    const served = document();
    const paths = served.paths as Record<string, unknown>;
    paths['/books/{id}/book'] = paths['/books/{id}'];
    delete paths['/books/{id}'];
    expect(contractChanges(document(), served)).toEqual([
      'paths./books/{id}: removed',
      'paths./books/{id}/book: added',
    ]);
    expect(contractOf({})).toEqual({ components: {}, paths: {} });
  });
});
