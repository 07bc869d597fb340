import { describe, expect, it } from 'vitest';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { CONTRACT_DRIFT_TITLE, servedDocument } from '../../../src/generation/api/contract-drift-case.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { emitPlaywrightSuite } from '../../../src/emit/playwright-ts/emit-playwright-suite.ts';
import { unsettledDriftCheck } from '../../../src/validation/execution/contract-drift.ts';

const document = {
  openapi: '3.0.3',
  info: { title: 'Ping', version: '1' },
  paths: { '/ping': { get: { responses: { '200': { description: 'pong' } } } } },
};
const model = () =>
  buildApiModel({
    location: 'http://127.0.0.1:3042/docs/json',
    sourceVersion: '3.0',
    document,
    referenceIssues: [],
  });

describe('the contract drift case', () => {
  it('is designed only when the API serves the document under the base URL', () => {
    expect(servedDocument('http://127.0.0.1:3042/docs/json?v=3', 'http://127.0.0.1:3042')).toEqual({
      path: '/docs/json',
      query: { v: '3' },
    });
    expect(servedDocument('http://127.0.0.1:3042/api/openapi.json', 'http://127.0.0.1:3042/api/')).toEqual({
      path: '/openapi.json',
      query: {},
    });
    expect(servedDocument('http://127.0.0.1:3042/openapi.json', 'http://127.0.0.1:3042/api')).toBeUndefined();
    expect(servedDocument('http://docs.example.com/openapi.json', 'http://127.0.0.1:3042')).toBeUndefined();
    expect(servedDocument('specs/openapi.json', 'http://127.0.0.1:3042')).toBeUndefined();
    expect(servedDocument('http://127.0.0.1:3042/openapi.json', undefined)).toBeUndefined();
  });

  it('fetches the document again and compares contracts, in a suite that carries the copy it was built from', () => {
    const suite = generateApiSuite(model(), {
      specSource: 'http://127.0.0.1:3042/docs/json',
      baseUrl: 'http://127.0.0.1:3042',
      servedDocument: document,
    });
    const check = suite.cases.find((testCase) => testCase.kind === 'contract');
    expect(check?.title).toBe(CONTRACT_DRIFT_TITLE);
    expect(check?.steps[0]?.request).toMatchObject({ method: 'GET', path: '/docs/json', auth: 'valid' });
    expect(check?.steps[0]?.assertions).toEqual([
      { kind: 'status', oneOf: [200] },
      { kind: 'same-contract' },
    ]);
    const files = emitPlaywrightSuite(suite, { baseUrl: 'http://127.0.0.1:3042' });
    expect(JSON.parse(files['support/openapi-generated-from.json']!)).toEqual(document);
    expect(files['support/assertions.ts']).toContain('export function expectSameContract');
    expect(files['tests/contract.spec.ts']).toMatch(
      /import { .*expectSameContract.* } from '..\/support\/assertions.ts';/,
    );
    expect(files['tests/contract.spec.ts']).toContain('expectSameContract(response);');
  });

  it('is not designed from a file, nor when operations are picked with --only', () => {
    const fromFile = generateApiSuite(model(), {
      specSource: 'openapi.json',
      baseUrl: 'http://127.0.0.1:3042',
    });
    const picked = generateApiSuite(model(), {
      specSource: 'http://127.0.0.1:3042/docs/json',
      baseUrl: 'http://127.0.0.1:3042',
      servedDocument: document,
      only: ['GET /ping'],
    });
    for (const suite of [fromFile, picked]) {
      expect(suite.cases.some((testCase) => testCase.kind === 'contract')).toBe(false);
      expect(suite.contract).toBeUndefined();
    }
  });

  it('is never a finding when it fails at verification: a document that changes between requests', () => {
    expect(unsettledDriftCheck({ testKind: 'contract' })).toMatch(
      /regenerate the suite.*changes between requests.*Not a defect of the API/,
    );
    expect(unsettledDriftCheck({ testKind: 'positive' })).toBeUndefined();
  });
});
