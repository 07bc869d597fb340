import { describe, expect, it } from 'vitest';
import { jsonContent as json, suiteOfDocument } from '../../support/api-document.ts';

// The delete and the update, each checked on its own: create, delete, read after delete; create,
// update, read back. They read statuses and the changed field only. The lifecycle checks the same,
// but stops at a read whose body breaks the document, which hides whether a write did its work.

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

const updateTitle = 'rack update: create, update, read back';

describe('the update on its own', () => {
  it('creates, updates one field and reads it back, comparing only that field', () => {
    const suite = suiteOf({
      put: {
        requestBody: { required: true, ...json(input) },
        responses: { '200': { description: 'changed', ...json(rack) } },
      },
    });
    const kept = suite.cases.find((testCase) => testCase.title === updateTitle)!;
    expect(kept.kind).toBe('stateful');
    expect(kept.operation).toBe('PUT /racks/{id}');
    expect(kept.steps.map((step) => `${step.request.method} ${step.request.path}`)).toEqual([
      'POST /racks',
      'PUT /racks/{id}',
      'GET /racks/{id}',
    ]);
    // The create is the update's set-up: any success lets the update be checked.
    expect(kept.steps[0]!.assertions).toEqual([{ kind: 'status', oneOf: [201, 200] }]);
    // The update's answer is read for its status alone: its body is the update's own test's.
    expect(kept.steps[1]!.assertions).toEqual([{ kind: 'status', oneOf: [200] }]);
    expect(kept.steps[1]!.request.pathParams['id']).toEqual({ kind: 'saved', name: 'id' });
    // A text the read shows takes a value unique to the run, which the read must show back.
    const body = kept.steps[1]!.request.body;
    expect(
      body?.kind === 'json' && body.value.kind === 'object' ? body.value.entries['label']?.kind : body,
    ).toBe('unique');
    expect(kept.steps[1]!.saves).toEqual([{ name: 'updated', path: 'label', from: 'body' }]);
    expect(kept.steps[2]!.assertions).toEqual([
      { kind: 'status', oneOf: [200] },
      { kind: 'field-equals', path: 'label', value: { kind: 'saved', name: 'updated' }, enveloped: true },
    ]);
    expect(kept.covers).toEqual(['PUT /racks/{id} 200']);
  });

  it('designs none for a kind without an update, or one whose read shows no field it changes', () => {
    expect(suiteOf({}).cases.some((testCase) => testCase.title === updateTitle)).toBe(false);
    const blind = suiteOf({
      patch: {
        requestBody: {
          required: true,
          ...json({ type: 'object', properties: { note: { type: 'string' } } }),
        },
        responses: { '204': { description: 'changed' } },
      },
    });
    expect(blind.cases.some((testCase) => testCase.title.startsWith('rack update'))).toBe(false);
  });
});
