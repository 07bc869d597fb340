import { describe, expect, it } from 'vitest';
import type { FailedTest } from '../../../src/validation/execution/classify-failure.ts';
import { failedSetUp } from '../../../src/validation/execution/failed-set-up.ts';
import { groupFindings } from '../../../src/validation/execution/group-findings.ts';

function failed(overrides: Partial<FailedTest> & { test: string; operation: string }): FailedTest {
  return {
    testKind: 'negative',
    message: 'check\nExpected: x\nActual: y',
    expected: 'x',
    actual: 'y',
    status: undefined,
    evidence: `evidence/${overrides.test}.json`,
    curl: undefined,
    ...overrides,
  };
}

const errorBodyMismatch = (operation: string, field: string): FailedTest =>
  failed({
    test: `${operation} rejects "${field}" longer than 40 characters with 422`,
    operation,
    message: `${operation} body does not match the documented 422 schema\nExpected: a body matching the documented schema\nActual: (body) must have required property 'errors'`,
    expected: 'a body matching the documented schema',
    actual: "(body) must have required property 'errors'",
    status: 422,
  });

const statusMismatch = (
  test: string,
  operation: string,
  expected: string,
  status: number,
  kind = 'negative',
) =>
  failed({
    test,
    operation,
    testKind: kind,
    message: `${operation} answered ${status}\nExpected: status ${expected}\nActual: status ${status} {}`,
    expected: `status ${expected}`,
    actual: `status ${status} {"error":"x"}`,
    status,
  });

describe('findings grouped by root cause', () => {
  it('reports one error-body schema violation seen on many operations as one finding', () => {
    const failures = ['POST /users', 'POST /articles', 'PUT /articles/{slug}', 'POST /comments'].flatMap(
      (operation) => [errorBodyMismatch(operation, 'title'), errorBodyMismatch(operation, 'body')],
    );
    const findings = groupFindings(failures, 'strict');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'contract-deviation', severity: 'minor' });
    expect(findings[0]!.occurrences).toHaveLength(8);
    expect(findings[0]!.id).toMatch(/^F-[0-9a-f]{8}$/);
  });

  it('keeps distinct server errors apart and puts them first', () => {
    const findings = groupFindings(
      [
        statusMismatch(
          'GET /articles rejects query parameter "offset" below its minimum (-1) with 422',
          'GET /articles',
          '422',
          500,
        ),
        statusMismatch(
          'GET /comments rejects query parameter "offset" below its minimum (-1) with 422',
          'GET /comments',
          '422',
          500,
        ),
        statusMismatch('PUT /user rejects a request without a body with 422', 'PUT /user', '422', 500),
        statusMismatch(
          'DELETE /articles/{slug} answers 204',
          'DELETE /articles/{slug}',
          '204',
          200,
          'positive',
        ),
      ],
      'strict',
    );
    expect(findings.map((finding) => [finding.kind, finding.occurrences.length])).toEqual([
      ['server-error', 2],
      ['server-error', 1],
      ['contract-deviation', 1],
    ]);
    expect(findings[0]!.title).toContain('offset');
    expect(findings[2]!.title).toBe('Undocumented status: 200 instead of the documented 204');
  });

  it('names invalid input accepted, credentials ignored and deletes that do not delete', () => {
    const findings = groupFindings(
      [
        statusMismatch(
          'POST /vms rejects "name" longer than 64 characters with 422',
          'POST /vms',
          '422',
          201,
        ),
        statusMismatch(
          'POST /vms rejects a request without credentials with 401',
          'POST /vms',
          '401',
          201,
          'auth',
        ),
        statusMismatch(
          'vm lifecycle: create, read, delete, read after delete',
          'POST /vms',
          '404',
          200,
          'stateful',
        ),
      ],
      'strict',
    );
    expect(findings.map((finding) => [finding.kind, finding.severity])).toEqual([
      ['invalid-input-accepted', 'critical'],
      ['state-defect', 'major'],
      ['invalid-input-accepted', 'major'],
    ]);
  });

  it('merges one undocumented status and one unenforced rule across operations and fields', () => {
    const findings = groupFindings(
      [
        statusMismatch('POST /a rejects a request without a body with 400', 'POST /a', '400', 415),
        statusMismatch(
          'PUT /b/{id} rejects a request without a body with 400 or 422',
          'PUT /b/{id}',
          '400 or 422',
          415,
        ),
        statusMismatch(
          'POST /a rejects "name" with a number instead of text with 400',
          'POST /a',
          '400',
          201,
        ),
        statusMismatch(
          'PUT /b/{id} rejects "icon" with a number instead of text with 400',
          'PUT /b/{id}',
          '400',
          200,
        ),
      ],
      'strict',
    );
    expect(findings.map((finding) => [finding.kind, finding.occurrences.length])).toEqual([
      ['invalid-input-accepted', 2],
      ['contract-deviation', 2],
    ]);
  });

  it('makes contract deviations warnings under lenient conformance, and nothing else', () => {
    const findings = groupFindings(
      [
        errorBodyMismatch('POST /users', 'email'),
        statusMismatch(
          'GET /x rejects query parameter "limit" above its maximum (101) with 422',
          'GET /x',
          '422',
          503,
        ),
      ],
      'lenient',
    );
    expect(findings.map((finding) => [finding.kind, finding.severity])).toEqual([
      ['server-error', 'critical'],
      ['contract-deviation', 'warning'],
    ]);
  });

  it('reports a number converted to text and accepted as a contract deviation, a warning when lenient', () => {
    const coerced = (operation: string, field: string, status: number): FailedTest => ({
      ...statusMismatch(
        `${operation} rejects "${field}" with a number instead of text with 400 or 422`,
        operation,
        '400 or 422',
        status,
      ),
      coercible: true,
    });
    const failures = [
      coerced('POST /authors/', 'name', 200),
      coerced('POST /books/', 'title', 200),
      coerced('POST /books/', 'publishedAt', 500),
    ];
    expect(groupFindings(failures, 'strict').map((finding) => [finding.kind, finding.severity])).toEqual([
      ['server-error', 'critical'],
      ['contract-deviation', 'minor'],
    ]);
    const lenient = groupFindings(failures, 'lenient');
    expect(lenient.map((finding) => [finding.kind, finding.severity])).toEqual([
      ['server-error', 'critical'],
      ['contract-deviation', 'warning'],
    ]);
    expect(lenient[1]!.title).toContain('wrong type accepted');
    expect(lenient[1]!.occurrences).toHaveLength(2);
  });

  it('judges a wrong-type value by what the server kept: converted is a contract deviation, kept as sent is invalid input accepted', () => {
    const accepted = (field: string, coercion: FailedTest['coercion']): FailedTest => ({
      ...statusMismatch(
        `POST /authors/ rejects "${field}" with a number instead of text with 400 or 422`,
        'POST /authors/',
        '400 or 422',
        200,
      ),
      coercible: true,
      coercion,
    });
    const findings = groupFindings(
      [
        accepted('name', 'converted'),
        accepted('nick', 'converted'),
        accepted('bio', 'kept-as-sent'),
        accepted('city', 'changed'),
      ],
      'strict',
    );
    expect(findings.map((finding) => [finding.kind, finding.severity, finding.occurrences.length])).toEqual([
      ['invalid-input-accepted', 'major', 2],
      ['contract-deviation', 'minor', 2],
    ]);
    expect(findings[1]!.title).toContain('Type coercion');
  });

  it('reports credentials not enforced where the operation documents no 401 or 403 as a contract deviation', () => {
    const unenforced = (operation: string, refusalUndocumented: boolean): FailedTest => ({
      ...statusMismatch(
        `${operation} rejects a request without credentials with 401`,
        operation,
        '401',
        200,
        'auth',
      ),
      ...(refusalUndocumented ? { refusalUndocumented } : {}),
    });
    const findings = groupFindings(
      [unenforced('GET /health', true), unenforced('GET /vms', false)],
      'strict',
    );
    expect(
      findings.map((finding) => [finding.kind, finding.severity, finding.occurrences[0]!.operation]),
    ).toEqual([
      ['invalid-input-accepted', 'critical', 'GET /vms'],
      ['contract-deviation', 'minor', 'GET /health'],
    ]);
    expect(findings[1]!.title).toContain("although the document's security requires them");
  });

  it('reports a success on a resource that does not exist as one state defect, a 5xx there as a server error', () => {
    const missing = (operation: string, status: number): FailedTest => ({
      ...statusMismatch(
        `${operation} refuses an author that does not exist with a 4xx`,
        operation,
        '400 or 403 or 404 or 410 or 422',
        status,
      ),
      missingResource: 'promised',
    });
    const findings = groupFindings(
      [missing('GET /authors/{id}', 200), missing('DELETE /authors/{id}', 204), missing('GET /x/{id}', 500)],
      'lenient',
    );
    expect(findings.map((finding) => [finding.kind, finding.severity, finding.occurrences.length])).toEqual([
      ['server-error', 'critical', 1],
      ['state-defect', 'major', 2],
    ]);
    expect(findings[1]!.title).toContain('does not exist is answered as if it existed');
  });

  it("reports a set-up's server error once, on the set-up's operation, whichever tests needed it", () => {
    const setUpFailed = (test: string): FailedTest => {
      const exchange = {
        request: { method: 'POST', url: 'http://127.0.0.1:1/api/feedback', headers: {}, body: '{}' },
        response: { status: 500, headers: {}, body: '{}' },
      };
      return {
        ...statusMismatch(test, 'PUT /feedback/{id}', '200 or 201', 500),
        exchange,
        setUp: failedSetUp(exchange, 'PUT /feedback/{id}', ['POST /feedback', 'PUT /feedback/{id}']),
      };
    };
    const own = statusMismatch('POST /feedback succeeds with 200', 'POST /feedback', '200', 500);
    const findings = groupFindings(
      [
        own,
        setUpFailed('PUT /feedback/{id} rejects a request without credentials with 401'),
        setUpFailed('PUT /feedback/{id} rejects a malformed JSON body with a 4xx'),
        setUpFailed('PUT /feedback/{id} rejects "given" with a number instead of text with 400'),
      ],
      'strict',
    );
    expect(findings.map((finding) => [finding.kind, finding.occurrences.length])).toEqual([
      ['server-error', 3],
      ['server-error', 1],
    ]);
    expect(findings[0]!.title).toBe('Server error 500 on POST /feedback, sent as the set-up of other tests');
  });

  it("names no set-up when the failing request is the test's own, or names it by path when undocumented", () => {
    const request = (method: string, url: string) => ({
      request: { method, url, headers: {}, body: undefined },
      response: { status: 500, headers: {}, body: '' },
    });
    expect(failedSetUp(request('PUT', 'http://h/api/feedback/7'), 'PUT /feedback/{id}', [])).toBeUndefined();
    expect(
      failedSetUp(request('POST', 'http://h/api/things'), 'PUT /feedback/{id}', ['PUT /feedback/{id}']),
    ).toBe('POST /api/things');
    expect(failedSetUp(undefined, 'PUT /feedback/{id}', [])).toBeUndefined();
  });
});
