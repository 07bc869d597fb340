import type { ApiTestCase, CaseKind } from '../../core/test-case.ts';

// Records keyed by the model's unions: a new case kind or priority does not compile until it has
// a marker, so `--strict-markers` never rejects a generated test.
const KINDS: Record<CaseKind, string> = {
  positive: 'documented success paths',
  boundary: 'values at the documented limits',
  negative: 'invalid requests the API must reject',
  auth: 'requests without credentials or with wrong ones',
  stateful: 'create, read, update and delete in sequence',
  pagination: 'limit and offset of list operations',
  contract: 'the served OpenAPI document still has the contract the suite was generated from',
  rule: "business rules the API's own text states (proposed by the model)",
};

const PRIORITIES: Record<ApiTestCase['priority'], string> = {
  critical: 'priority critical',
  normal: 'priority normal',
  low: 'priority low',
};

/** Every marker a generated test may carry, with the description pytest lists. */
export const PYTEST_MARKERS: Record<string, string> = {
  ...KINDS,
  ...PRIORITIES,
  writes: 'sends POST, PUT, PATCH or DELETE: skipped unless the target is loopback or ALLOW_WRITES=1',
  testops: 'links a test to its generated case (case id, operation) in the JUnit report',
};
