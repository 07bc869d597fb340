import { describe, expect, it } from 'vitest';
import type { RecordedExchange } from '../../../src/core/run-report.ts';
import type { FailedTest } from '../../../src/validation/execution/classify-failure.ts';
import { groupFindings } from '../../../src/validation/execution/group-findings.ts';
import {
  groupNotReached,
  judgeNotReached,
  notReachedReason,
  serverMessage,
  type ReachContext,
} from '../../../src/validation/execution/not-reached.ts';

const BASE = 'http://127.0.0.1:4312';

function exchange(
  method: string,
  path: string,
  status: number,
  body: unknown,
  sent?: unknown,
): RecordedExchange {
  return {
    request: {
      method,
      url: `${BASE}${path}`,
      headers: {},
      body: sent === undefined ? undefined : JSON.stringify(sent),
    },
    response: { status, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body) },
  };
}

/** A failed test whose failing check names `refused`, as writeEvidence builds it. */
function failed(input: {
  test: string;
  operation: string;
  kind?: string;
  expected: string;
  refused: RecordedExchange;
  earlier?: RecordedExchange[];
}): FailedTest {
  const status = input.refused.response!.status;
  return {
    test: input.test,
    operation: input.operation,
    testKind: input.kind ?? 'positive',
    message: `${input.refused.request.method} answered ${status} [exchange 0]`,
    expected: input.expected,
    actual: `status ${status} ${input.refused.response!.body}`,
    status,
    exchange: input.refused,
    earlier: input.earlier ?? [],
    evidence: `evidence/${input.test.replace(/\W+/g, '-')}.json`,
    curl: undefined,
  };
}

const context = (more: Partial<ReachContext> = {}): ReachContext => ({
  operations: [
    'GET /api/admin/user/tokens',
    'POST /api/admin/user/tokens',
    'DELETE /api/admin/user/tokens/{id}',
    'POST /api/admin/user-admin',
    'GET /api/admin/user-admin/{id}',
    'POST /auth/reset/password-email',
    'POST /api/admin/ui-config',
    'POST /api/admin/tag-types',
    'GET /api/admin/tag-types/{name}',
  ],
  documentedStatuses: {
    'POST /auth/reset/password-email': ['200', '401', '404', '415'],
    'POST /api/admin/ui-config': ['200'],
  },
  succeeded: new Set(),
  ...more,
});

const patRefusal = { message: 'PATs require an authenticated user.' };

describe('a documented-valid request refused for the suite’s own input is not reached, not a finding', () => {
  it('takes a success request refused with 403 out of the findings, with the server’s words and the way in', () => {
    const refused = failed({
      test: 'POST /api/admin/user/tokens succeeds with 201',
      operation: 'POST /api/admin/user/tokens',
      expected: 'status 201',
      refused: exchange('POST', '/api/admin/user/tokens', 403, patRefusal, { description: 'x' }),
    });
    // Before: a "Documented-valid request rejected" contract deviation.
    expect(groupFindings([refused], 'strict')[0]!.title).toMatch(/^Documented-valid request rejected: 403/);
    const judged = judgeNotReached([refused], context());
    expect(judged.get(refused.test)).toMatchObject({
      status: 403,
      message: 'PATs require an authenticated user.',
      refused: 'POST /api/admin/user/tokens',
      unlock: expect.stringMatching(/^credentials of another kind/),
    });
  });

  it('reads 401, 404 on a path with parameters, 409, 422 and 400 on the success request the same way', () => {
    const cases = [
      failed({
        test: 'GET /api/admin/user-admin/{id} succeeds with 200',
        operation: 'GET /api/admin/user-admin/{id}',
        expected: 'status 200',
        refused: exchange('GET', '/api/admin/user-admin/9999', 404, { message: 'No user found' }),
      }),
      failed({
        test: 'POST /api/admin/tag-types succeeds with 201',
        operation: 'POST /api/admin/tag-types',
        expected: 'status 201',
        refused: exchange('POST', '/api/admin/tag-types', 409, { name: 'NameExistsError' }, { name: 'x' }),
      }),
    ];
    const judged = judgeNotReached(cases, context());
    expect(judged.get(cases[0]!.test)?.unlock).toBe(
      '--var id=<an existing one> naming something that exists',
    );
    expect(judged.get(cases[1]!.test)?.unlock).toMatch(/^a value not taken yet/);
  });

  it('a 404 for a made-up value in the body of an operation that documents 404 is not reached', () => {
    const email = failed({
      test: 'POST /auth/reset/password-email succeeds with 200',
      operation: 'POST /auth/reset/password-email',
      expected: 'status 200',
      refused: exchange(
        'POST',
        '/auth/reset/password-email',
        404,
        { message: 'No user found' },
        { email: 'a@b.c' },
      ),
    });
    expect(judgeNotReached([email], context()).has(email.test)).toBe(true);
  });

  it('takes out a test whose set-up create was refused, and names the create and the --var that avoids it', () => {
    const cascaded = failed({
      test: 'DELETE /api/admin/user/tokens/{id} succeeds with 200',
      operation: 'DELETE /api/admin/user/tokens/{id}',
      expected: 'status 201',
      refused: exchange('POST', '/api/admin/user/tokens', 403, patRefusal, {}),
    });
    const negative = failed({
      test: 'DELETE /api/admin/user/tokens/{id} rejects a malformed id with 400',
      operation: 'DELETE /api/admin/user/tokens/{id}',
      kind: 'negative',
      expected: 'status 201',
      refused: exchange('POST', '/api/admin/user/tokens', 403, patRefusal, {}),
    });
    const judged = judgeNotReached([cascaded, negative], context());
    expect(judged.get(cascaded.test)).toMatchObject({
      refused: 'POST /api/admin/user/tokens',
      unlock: expect.stringMatching(/^give what it acts on with --var id=<an existing one>, or make POST/),
    });
    expect(judged.has(negative.test)).toBe(true);
  });

  it('a set-up that looked its thing up in a list holding none did not reach the operation', () => {
    const lookup = (test: string, kind: string, listed: unknown): FailedTest => ({
      ...failed({
        test,
        operation: 'GET /api/admin/tag-types/{name}',
        kind,
        expected: 'status 200',
        refused: exchange('GET', '/api/admin/tag-types', 200, listed),
      }),
      message: 'Error: Creating a tag_type returned no id\n\n   at ../support/fixtures.ts:102',
      actual: 'Error: Creating a tag_type returned no id',
    });
    const empty = lookup('GET /api/admin/tag-types/{name} succeeds with 200', 'positive', { tagTypes: [] });
    const negative = lookup(
      'GET /api/admin/tag-types/{name} rejects a request without credentials with 401',
      'auth',
      {
        tagTypes: [],
      },
    );
    const judged = judgeNotReached([empty, negative], context());
    expect(judged.get(empty.test)).toMatchObject({
      status: 200,
      refused: 'GET /api/admin/tag-types',
      message: 'GET /api/admin/tag-types listed no tag_type to use',
      unlock:
        'give what it acts on with --var name=<an existing one>, or have a tag_type on the target before the run',
    });
    expect(judged.has(negative.test)).toBe(true);
    expect(notReachedReason(judged.get(empty.test)!)).toContain(
      'not reached, its set-up GET /api/admin/tag-types found nothing (200)',
    );
    // A create that answered without an id is not a lookup: it stays a failure to judge.
    const create = {
      ...empty,
      test: 'POST create without id',
      exchange: exchange('POST', '/api/admin/tag-types', 201, {}, { name: 'x' }),
    };
    expect(judgeNotReached([create], context()).has(create.test)).toBe(false);
  });

  it('a test expecting a refusal that meets another is not reached only when the success request was not', () => {
    const success = failed({
      test: 'POST /api/admin/user/tokens succeeds with 201',
      operation: 'POST /api/admin/user/tokens',
      expected: 'status 201',
      refused: exchange('POST', '/api/admin/user/tokens', 403, patRefusal, {}),
    });
    const negative = failed({
      test: 'POST /api/admin/user/tokens rejects a body without "description" with 400',
      operation: 'POST /api/admin/user/tokens',
      kind: 'negative',
      expected: 'status 400',
      refused: exchange('POST', '/api/admin/user/tokens', 403, patRefusal, {}),
    });
    expect(judgeNotReached([negative], context()).size).toBe(0);
    expect([...judgeNotReached([success, negative], context()).keys()]).toEqual([
      success.test,
      negative.test,
    ]);
  });

  it('429 after the runtime’s retries is pace, whatever the test expected', () => {
    const limited = failed({
      test: 'POST /auth/reset/password-email rejects a body without "email" with 400',
      operation: 'POST /auth/reset/password-email',
      kind: 'negative',
      expected: 'status 400',
      refused: exchange('POST', '/auth/reset/password-email', 429, { message: 'Too many requests' }, {}),
    });
    const judged = judgeNotReached(
      [limited],
      context({ succeeded: new Set(['POST /auth/reset/password-email']) }),
    );
    expect(judged.get(limited.test)?.unlock).toMatch(/^a slower pace/);
  });
});

describe('refusals that stay findings', () => {
  it('a refusal whose body breaks the document, on an operation not reached, is still the server’s', () => {
    const setUp = failed({
      test: 'DELETE /api/admin/user/tokens/{id} succeeds with 200',
      operation: 'DELETE /api/admin/user/tokens/{id}',
      expected: 'status 201',
      refused: exchange('POST', '/api/admin/user/tokens', 403, patRefusal, {}),
    });
    const emptyBody = {
      ...failed({
        test: 'DELETE /api/admin/user/tokens/{id} refuses a token that does not exist with a 4xx',
        operation: 'DELETE /api/admin/user/tokens/{id}',
        kind: 'negative',
        expected: 'a body matching the documented schema',
        refused: exchange('DELETE', '/api/admin/user/tokens/99', 404, ''),
      }),
      actual: 'body ""',
    };
    expect([...judgeNotReached([setUp, emptyBody], context()).keys()]).toEqual([setUp.test]);
  });

  it('5xx, 405, 406 and 415 are the server’s', () => {
    const failures = [500, 405, 406, 415].map((status) =>
      failed({
        test: `POST /api/admin/user/tokens succeeds with 201 (${status})`,
        operation: 'POST /api/admin/user/tokens',
        expected: 'status 201',
        refused: exchange('POST', '/api/admin/user/tokens', status, { message: 'x' }, {}),
      }),
    );
    expect(judgeNotReached(failures, context()).size).toBe(0);
  });

  it('a 404 on a path without parameters that documents no 404 is a missing route', () => {
    const missing = failed({
      test: 'POST /api/admin/ui-config succeeds with 200',
      operation: 'POST /api/admin/ui-config',
      expected: 'status 200',
      refused: exchange(
        'POST',
        '/api/admin/ui-config',
        404,
        { message: 'The requested resource could not be found' },
        { theme: 'dark', name: 'x' },
      ),
    });
    expect(judgeNotReached([missing], context()).size).toBe(0);
  });

  it('a 404 on such a path for an identifier the request made up itself is not reached', () => {
    const ids = failed({
      test: 'POST /api/admin/ui-config succeeds with 200',
      operation: 'POST /api/admin/ui-config',
      expected: 'status 200',
      refused: exchange(
        'POST',
        '/api/admin/ui-config',
        404,
        { message: 'No user found' },
        { ids: [12, 212] },
      ),
    });
    expect(judgeNotReached([ids], context()).has(ids.test)).toBe(true);
  });

  it('a 404 for an id the server answered earlier in the same test is the server losing it', () => {
    const lost = failed({
      test: 'GET /api/admin/user-admin/{id} succeeds with 200',
      operation: 'GET /api/admin/user-admin/{id}',
      expected: 'status 200',
      earlier: [exchange('POST', '/api/admin/user-admin', 201, { id: 42, name: 'qa' }, { name: 'qa' })],
      refused: exchange('GET', '/api/admin/user-admin/42', 404, { message: 'No user found' }),
    });
    expect(judgeNotReached([lost], context()).size).toBe(0);
  });

  it('a variant refused while the operation’s success request passed is a contract deviation', () => {
    const boundary = failed({
      test: 'POST /api/admin/tag-types accepts "name" at its maximum length (50)',
      operation: 'POST /api/admin/tag-types',
      kind: 'boundary',
      expected: 'status 201',
      refused: exchange(
        'POST',
        '/api/admin/tag-types',
        400,
        { message: 'too long' },
        { name: 'x'.repeat(50) },
      ),
    });
    expect(
      judgeNotReached([boundary], context({ succeeded: new Set(['POST /api/admin/tag-types']) })).size,
    ).toBe(0);
    // The same refusal with the success request refused too: nothing of the operation was reached.
    expect(judgeNotReached([boundary], context()).size).toBe(1);
  });
});

describe('what the report and the suite say about it', () => {
  const success = failed({
    test: 'POST /api/admin/user/tokens succeeds with 201',
    operation: 'POST /api/admin/user/tokens',
    expected: 'status 201',
    refused: exchange('POST', '/api/admin/user/tokens', 403, patRefusal, {}),
  });
  const negative = failed({
    test: 'POST /api/admin/user/tokens rejects a body without "description" with 400',
    operation: 'POST /api/admin/user/tokens',
    kind: 'negative',
    expected: 'status 400',
    refused: exchange('POST', '/api/admin/user/tokens', 403, patRefusal, {}),
  });

  it('groups tests by operation, headed by the success test', () => {
    const judged = judgeNotReached([negative, success], context());
    expect(groupNotReached(judged.values())).toEqual([
      {
        operation: 'POST /api/admin/user/tokens',
        status: 403,
        message: 'PATs require an authenticated user.',
        refused: 'POST /api/admin/user/tokens',
        unlock: expect.stringMatching(/^credentials of another kind/),
        tests: [
          { test: success.test, status: 403, evidence: success.evidence },
          { test: negative.test, status: 403, evidence: negative.evidence },
        ],
      },
    ]);
  });

  it('marks the test "not reached" with the refusal and the way in, never "suspected defect"', () => {
    const reason = notReachedReason(judgeNotReached([success], context()).get(success.test)!);
    expect(reason).toMatch(
      /^Not delivered by TestOps Copilot: not reached, POST \/api\/admin\/user\/tokens was refused with 403 \(evidence: evidence\/[^)]+\): PATs require an authenticated user\. To reach it: credentials/,
    );
    expect(reason).not.toContain('suspected defect');
    expect(reason.length).toBeLessThanOrEqual(300);
  });

  it('quotes the server’s own words from the usual error shapes', () => {
    expect(
      serverMessage(
        '{"message":"Request validation failed","details":[{"message":"You must specify username or email"}]}',
      ),
    ).toBe('You must specify username or email');
    expect(serverMessage('{"error":"Too many requests"}')).toBe('Too many requests');
    expect(serverMessage('')).toBe('(empty body)');
    expect(serverMessage('Forbidden\n')).toBe('Forbidden');
  });
});
