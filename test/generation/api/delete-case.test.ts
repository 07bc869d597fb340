import { describe, expect, it } from 'vitest';
import { jsonContent as json, suiteOfDocument } from '../../support/api-document.ts';

// The delete checked on its own: create, delete, read after delete, reading only statuses. The
// lifecycle checks the same at its end, but stops at a read whose body breaks the document.

const rack = { type: 'object', properties: { id: { type: 'integer' }, label: { type: 'string' } } };
const input = { type: 'object', required: ['label'], properties: { label: { type: 'string' } } };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };

function suiteOf(item: Record<string, unknown>) {
  const document = {
    openapi: '3.0.3',
    info: { title: 'Racks', version: '1' },
    paths: {
      '/racks': {
        post: {
          requestBody: { required: true, ...json(input) },
          responses: { '201': { description: 'made', ...json(rack) } },
        },
      },
      '/racks/{id}': {
        parameters: [id],
        get: { responses: { '200': { description: 'one', ...json(rack) } } },
        ...item,
      },
    },
  };
  return suiteOfDocument(document, 'racks.json');
}

describe('the delete on its own', () => {
  it('creates, deletes and reads the deleted one, expecting 404 or 410 when the read documents neither', () => {
    const suite = suiteOf({ delete: { responses: { '204': { description: 'gone' } } } });
    const removal = suite.cases.find(
      (testCase) => testCase.title === 'rack delete: create, delete, read after delete',
    )!;
    expect(removal.kind).toBe('stateful');
    expect(removal.operation).toBe('DELETE /racks/{id}');
    expect(removal.steps.map((step) => `${step.request.method} ${step.request.path}`)).toEqual([
      'POST /racks',
      'DELETE /racks/{id}',
      'GET /racks/{id}',
    ]);
    // Statuses only: no body of the create or the read is compared. The create is the delete's
    // set-up: any success lets the delete be checked (Unleash's flag create documents 200 and
    // answers 201; its own test and the lifecycle report that).
    expect(removal.steps[0]!.assertions).toEqual([{ kind: 'status', oneOf: [201, 200] }]);
    expect(removal.steps[1]!.assertions).toEqual([{ kind: 'status', oneOf: [204] }]);
    expect(removal.steps[2]!.assertions).toEqual([{ kind: 'status', oneOf: [404, 410] }]);
    expect(removal.steps[2]!.request.pathParams['id']).toEqual({ kind: 'saved', name: 'id' });
  });

  it('designs none for a kind without a delete', () => {
    const suite = suiteOf({});
    expect(suite.cases.some((testCase) => testCase.title.includes(' delete: '))).toBe(false);
  });
});
