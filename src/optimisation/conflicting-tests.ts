import type { ConflictingTests, ExistingTest, TestRequest, TestUiAction } from '../core/existing-test.ts';
import { canonicalValue } from './normalise.ts';
import {
  describeLocator,
  locatorSignature,
  refOf,
  requestInput,
  statusesOf,
  uiSignature,
} from './test-signature.ts';

interface Expectation {
  test: ExistingTest;
  expected: string;
  line: number;
  /** For statuses: the set accepted; two expectations conflict when their sets are disjoint. */
  statuses?: number[];
}

/**
 * Tests that send the same request (same method, path, query, body, credentials and prior
 * state) but expect statuses no single answer can satisfy: one of them is wrong.
 */
export function findApiConflicts(tests: readonly ExistingTest[]): ConflictingTests[] {
  const byInput = new Map<string, { request: TestRequest; expectations: Expectation[] }>();
  for (const test of tests) {
    for (const request of test.requests.filter((candidate) => candidate.expectedStatuses.length > 0)) {
      const key = requestInput(request);
      const entry = byInput.get(key) ?? { request, expectations: [] };
      entry.expectations.push({
        test,
        expected: `status ${statusesOf(request).replace(/\|/g, ' or ')}`,
        line: request.line,
        statuses: request.expectedStatuses,
      });
      byInput.set(key, entry);
    }
  }
  return [...byInput.values()].flatMap(({ request, expectations }) => {
    if (!hasDisjointStatuses(expectations)) return [];
    return [
      conflict(
        'api',
        describeRequest(request),
        expectations,
        'the same request expects statuses no single answer can satisfy',
      ),
    ];
  });
}

/**
 * UI tests that do the same actions from the same page and expect different things of the
 * same element (`toHaveText('1 000 ₽')` vs `toHaveText('1 200 ₽')`, visible vs not visible).
 */
export function findUiConflicts(tests: readonly ExistingTest[]): ConflictingTests[] {
  const byCheck = new Map<string, { input: string; expectations: Expectation[] }>();
  for (const test of tests) {
    const before: TestUiAction[] = [];
    for (const action of test.uiActions) {
      if (action.kind !== 'expect') {
        before.push(action);
        continue;
      }
      const matcher = (action.matcher ?? '').replace(/^not\./, '');
      const key = `${before.map(uiSignature).join(' → ')}\n${locatorSignature(action.target)} ${matcher}`;
      const negated = action.matcher?.startsWith('not.') ? 'not ' : '';
      const expected = `${negated}${matcher}${action.value === undefined ? '' : ` ${JSON.stringify(action.value)}`}`;
      const entry = byCheck.get(key) ?? { input: describeUiInput(before, action), expectations: [] };
      entry.expectations.push({ test, expected, line: action.line });
      byCheck.set(key, entry);
    }
  }
  return [...byCheck.values()].flatMap(({ input, expectations }) => {
    if (new Set(expectations.map((entry) => entry.expected)).size < 2) return [];
    return [conflict('ui', input, expectations, 'the same UI actions expect different results')];
  });
}

/** `goto /configure/vm → select "ru-north-1" in combobox "Region", then check test id "live-price"`. */
function describeUiInput(actions: TestUiAction[], check: TestUiAction): string {
  const steps = actions.map((action) => {
    if (action.kind === 'goto') return `goto ${action.url ?? ''}`;
    const value = action.value === undefined ? '' : ` ${JSON.stringify(action.value)} in`;
    return `${action.kind}${value} ${action.target ? describeLocator(action.target) : 'the page'}`;
  });
  const target = check.target ? describeLocator(check.target) : 'the page';
  return `${steps.join(' → ') || 'on open'}, then check ${target}`;
}

export function conflict(
  kind: ConflictingTests['kind'],
  input: string,
  expectations: Expectation[],
  reason: string,
): ConflictingTests {
  const seen = new Set<string>();
  const unique = expectations.filter((entry) => !seen.has(entry.test.id) && seen.add(entry.test.id));
  return {
    kind,
    input,
    expectations: unique.map((entry) => ({
      test: refOf(entry.test),
      expected: entry.expected,
      line: entry.line,
    })),
    reason,
  };
}

function hasDisjointStatuses(expectations: Expectation[]): boolean {
  const sets = expectations.map((entry) => new Set(entry.statuses ?? []));
  return sets.some((a, i) => sets.slice(i + 1).some((b) => ![...a].some((status) => b.has(status))));
}

function describeRequest(request: TestRequest): string {
  const parts = [`${request.method} ${request.path}`];
  if (request.query !== undefined) parts.push(`query ${shorten(canonicalValue(request.query))}`);
  if (request.body !== undefined) parts.push(`body ${shorten(canonicalValue(request.body))}`);
  if (request.auth) parts.push(`auth ${request.auth}`);
  if (request.context.length > 0) parts.push(`after ${request.context.join(', ')}`);
  return parts.join(', ');
}

function shorten(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
