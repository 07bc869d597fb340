import { describe, expect, it } from 'vitest';
import type { TriageFailure } from '../../src/core/triage.ts';
import { testMistakeOf } from '../../src/triage/test-mistake.ts';

const failure = (fields: Partial<TriageFailure>): TriageFailure => ({
  test: 'a test',
  file: 'tests/configure-vm.spec.ts:12',
  operation: undefined,
  status: 'failed',
  message: '',
  frames: [],
  expected: undefined,
  actual: undefined,
  findingSignature: undefined,
  findingTitle: undefined,
  passes: 0,
  runs: 3,
  ...fields,
});

const NOT_FOUND = `Error: expect(locator).toBeVisible() failed

Locator: getByRole('button', { name: 'Add to estimates', exact: true })
Expected: visible
Timeout: 5000ms
Error: element(s) not found

Call log:
  - Expect "toBeVisible" with timeout 5000ms
  - waiting for getByRole('button', { name: 'Add to estimates', exact: true })`;

const HIDDEN = `Error: expect(locator).toBeVisible() failed

Locator: getByRole('link', { name: 'Estimate (1)', exact: true })
Expected: visible
Received: hidden
Timeout: 5000ms`;

describe('testMistakeOf (UI)', () => {
  it('calls a locator that finds nothing a test mistake', () => {
    expect(testMistakeOf(failure({ message: NOT_FOUND }), 'ui')).toEqual({
      mistake: 'locator-not-found',
      reason: 'locator not found: no element matches what the test looks for',
    });
  });

  it('calls a locator matching several elements a test mistake', () => {
    const message =
      "Error: locator.click: Error: strict mode violation: getByRole('link', { name: 'Catalogue' }) resolved to 2 elements";
    expect(testMistakeOf(failure({ message }), 'ui')?.mistake).toBe('strict-mode-violation');
  });

  it('calls an element that stayed hidden a test mistake (a step that shows it is missing)', () => {
    expect(testMistakeOf(failure({ message: HIDDEN }), 'ui')?.mistake).toBe('element-not-visible');
  });

  it('leaves product defects, flaky tests and the environment alone', () => {
    const wrongText = `Error: expect(locator).toHaveText(expected) failed

Locator: getByRole('status')
Expected: "3 610,00 ₽ per month"
Received: "3 249,00 ₽ per month"`;
    expect(testMistakeOf(failure({ message: wrongText }), 'ui')).toBeUndefined();
    expect(testMistakeOf(failure({ message: NOT_FOUND, passes: 1, runs: 3 }), 'ui')).toBeUndefined();
    expect(
      testMistakeOf(
        failure({ message: 'page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:9/' }),
        'ui',
      ),
    ).toBeUndefined();
  });
});

describe('testMistakeOf (API)', () => {
  it('calls a 404 on a resource path a missing setup', () => {
    const verdict = testMistakeOf(
      failure({ operation: 'GET /api/v1/disks/{disk_id}', expected: 'status 200', actual: 'status 404' }),
      'api',
    );
    expect(verdict?.mistake).toBe('missing-setup');
  });

  it('calls a 401 where success was expected missing auth', () => {
    const verdict = testMistakeOf(
      failure({ operation: 'GET /api/v1/disks', expected: 'status 200', actual: 'status 401' }),
      'api',
    );
    expect(verdict?.mistake).toBe('missing-auth');
  });

  it('leaves expected refusals, collections and server errors alone', () => {
    const api = (expected: string, actual: string, operation = 'GET /api/v1/disks/{disk_id}') =>
      testMistakeOf(failure({ operation, expected, actual }), 'api');
    expect(api('status 404', 'status 200')).toBeUndefined();
    expect(api('status 200', 'status 404', 'GET /api/v1/disks')).toBeUndefined();
    expect(api('status 200', 'status 500')).toBeUndefined();
    expect(api('status 201', 'status 201')).toBeUndefined();
  });
});
