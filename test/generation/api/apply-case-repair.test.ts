import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../../../src/core/api-model.ts';
import type { ApiSuite, ApiTestCase } from '../../../src/core/test-case.ts';
import { applyApiCaseRepair, statusEvidenceRefusal } from '../../../src/generation/api/apply-case-repair.ts';
import {
  apiCaseRepairSchema,
  type ApiCaseRepairChange,
} from '../../../src/generation/api/case-repair-proposals.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../../src/sources/openapi/load-spec.ts';
import { plantApiMistakes } from '../../support/planted-api-mistakes.ts';

let model: ApiModel;
let suite: ApiSuite;
let planted: ApiSuite;
const DISK_READ = 'GET /api/v1/disks/{disk_id}';

beforeAll(async () => {
  model = buildApiModel(await loadSpec('examples/compute-api/openapi.yaml', {}));
  suite = generateApiSuite(model, {
    specSource: 'compute',
    variables: { project_id: 'p' },
    only: [DISK_READ, 'GET /api/v1/vms/{vm_id}', 'GET /api/v1/flavors'],
  });
  planted = plantApiMistakes(suite);
});

const byId = (id: string) => planted.cases.find((testCase) => testCase.id === id)!;
const caseOf = (kind: ApiTestCase['kind'], title: RegExp) =>
  suite.cases.find((testCase) => testCase.kind === kind && title.test(testCase.title))!;
const repair = (testCase: ApiTestCase, ...changes: ApiCaseRepairChange[]) =>
  applyApiCaseRepair({
    testCase,
    suite,
    operations: model.operations,
    answer: { case: testCase.id, changes, explanation: '' },
  });

describe('applyApiCaseRepair', () => {
  it('uses the id of a resource created first for a path parameter that names nothing', () => {
    const original = byId('planted-disk-read');
    const applied = repair(original, {
      op: 'use-created',
      step: 0,
      in: 'path',
      name: 'disk_id',
      kind: 'disk',
    });
    expect(applied).toMatchObject({
      ok: true,
      changes: ['step 0 (GET /api/v1/disks/{disk_id}): path disk_id → id of a disk created first'],
    });
    if (!applied.ok) return;
    expect(applied.testCase.uses).toEqual([{ alias: 'disk', resource: 'disk' }]);
    expect(applied.testCase.steps[0]!.request.pathParams['disk_id']).toEqual({
      kind: 'resource',
      alias: 'disk',
      field: 'id',
    });
    // The original is untouched: a rejected or failing repair leaves it as it was.
    expect(original.uses).toEqual([]);
  });

  it('sends the credentials of the suite for a step sent without them', () => {
    const applied = repair(byId('planted-flavor-list'), { op: 'use-auth', step: 0 });
    expect(applied.ok && applied.testCase.steps[0]!.request.auth).toBe('valid');
  });

  it('adds a prerequisite of a kind the suite creates, once', () => {
    const applied = repair(byId('planted-vm-read'), { op: 'add-prerequisite', kind: 'vm' });
    expect(applied.ok && applied.testCase.uses).toEqual([{ alias: 'vm', resource: 'vm' }]);
    const twice = repair(caseOf('positive', /^GET \/api\/v1\/vms\/\{vm_id\}/), {
      op: 'add-prerequisite',
      kind: 'vm',
    });
    expect(twice).toMatchObject({ ok: false, reason: 'the case already creates a vm first' });
  });

  it.each<[string, ApiCaseRepairChange, string]>([
    [
      'a kind the suite cannot create',
      { op: 'use-created', step: 0, in: 'path', name: 'disk_id', kind: 'volume' },
      'names resource kind "volume", which the suite cannot create (kinds it creates: disk, vm)',
    ],
    [
      'a parameter the step does not send',
      { op: 'use-created', step: 0, in: 'path', name: 'volume_id', kind: 'disk' },
      'step 0 sends no path parameter "volume_id"',
    ],
    [
      'a body field of a request without a body',
      { op: 'use-created', step: 0, in: 'body', name: 'disk_id', kind: 'disk' },
      'step 0 sends no body field "disk_id"',
    ],
    ['a step the case does not have', { op: 'use-auth', step: 4 }, 'step 4 is not in the case (it has 1)'],
    [
      'a prerequisite of an unknown kind',
      { op: 'add-prerequisite', kind: 'snapshot' },
      'names resource kind "snapshot", which the suite cannot create (kinds it creates: disk, vm)',
    ],
  ])('rejects %s', (_name, change, reason) => {
    expect(repair(byId('planted-disk-read'), change)).toMatchObject({ ok: false, reason });
  });

  it('rejects the whole repair when one edit is wrong, and an answer about another case', () => {
    const testCase = byId('planted-disk-read');
    expect(
      repair(
        testCase,
        { op: 'use-created', step: 0, in: 'path', name: 'disk_id', kind: 'disk' },
        { op: 'add-prerequisite', kind: 'snapshot' },
      ),
    ).toMatchObject({ ok: false, changes: [expect.any(String), 'create a snapshot before the test'] });
    expect(
      applyApiCaseRepair({
        testCase,
        suite,
        operations: model.operations,
        answer: { case: 'planted-vm-read', changes: [{ op: 'use-auth', step: 0 }], explanation: '' },
      }),
    ).toMatchObject({ ok: false, reason: 'repairs case "planted-vm-read", asked about "planted-disk-read"' });
  });

  it('keeps what auth and missing-resource cases test on purpose', () => {
    const auth = caseOf('auth', /without credentials/);
    expect(repair(auth, { op: 'use-auth', step: 0 })).toMatchObject({
      ok: false,
      reason: 'the case checks missing or bad credentials on purpose: they stay',
    });
    const missing = suite.cases.find((testCase) => testCase.missingResource)!;
    const name = Object.keys(missing.steps.at(-1)!.request.pathParams)[0]!;
    expect(
      repair(missing, { op: 'use-created', step: missing.steps.length - 1, in: 'path', name, kind: 'disk' }),
    ).toMatchObject({
      ok: false,
      reason: 'the case calls an identifier that names nothing on purpose: it stays',
    });
  });
});

describe('expected statuses change only with the spec as evidence', () => {
  const disk = () => model.operations.find((operation) => operation.key === DISK_READ)!;

  it('accepts the documented response, quoted with its status', () => {
    expect(statusEvidenceRefusal(disk(), 200, '200: Successful Response')).toBeUndefined();
    expect(statusEvidenceRefusal(disk(), 200, '200')).toBeUndefined();
  });

  it('refuses an undocumented status, a quote without the status, and words the spec does not have', () => {
    expect(statusEvidenceRefusal(disk(), 204, '204 No Content')).toBe(
      `${DISK_READ} documents no 204 response`,
    );
    expect(statusEvidenceRefusal(disk(), 200, 'Successful Response')).toBe(
      'the quoted evidence does not name 200',
    );
    expect(statusEvidenceRefusal(disk(), 200, '200: the disk is fine')).toBe(
      `the quote "200: the disk is fine" is not the spec's 200 response of ${DISK_READ}`,
    );
  });

  it('never turns an expected success into an expected failure, even with a documented status', () => {
    const applied = repair(byId('planted-disk-read'), {
      op: 'change-status',
      step: 0,
      status: 401,
      evidence: { quote: '401: Ошибка аутентификации' },
    });
    expect(applied).toMatchObject({
      ok: false,
      reason:
        'expected status of step 0 not changed: a repair never turns an expected success into an expected failure',
    });
  });

  it('narrows an expected status to a documented one with its evidence', () => {
    const malformed = caseOf('negative', /malformed disk_id/);
    const documented = disk().responses.find((response) => response.status === 422)!;
    const applied = repair(malformed, {
      op: 'change-status',
      step: malformed.steps.length - 1,
      status: 422,
      evidence: { quote: `422: ${documented.description}` },
    });
    expect(applied.ok && applied.testCase.steps.at(-1)!.assertions.find((a) => a.kind === 'status')).toEqual({
      kind: 'status',
      oneOf: [422],
    });
  });
});

describe('apiCaseRepairSchema', () => {
  it('accepts only its vocabulary', () => {
    const answer = (change: unknown) => ({ case: 'c', changes: [change], explanation: '' });
    expect(apiCaseRepairSchema.safeParse(answer({ op: 'use-auth', step: 0 })).success).toBe(true);
    expect(apiCaseRepairSchema.safeParse(answer({ op: 'run-code', code: 'process.exit()' })).success).toBe(
      false,
    );
    expect(apiCaseRepairSchema.safeParse(answer({ op: 'change-status', step: 0, status: 200 })).success).toBe(
      false,
    );
    expect(
      apiCaseRepairSchema.safeParse({
        case: 'c',
        changes: Array(4).fill({ op: 'use-auth', step: 0 }),
        explanation: '',
      }).success,
    ).toBe(false);
  });
});
