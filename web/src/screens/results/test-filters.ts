import type { TestItem } from '../../api/api-types.ts';

export interface TestFilters {
  kind: TestItem['kind'] | '';
  status: TestItem['status'] | '';
  priority: NonNullable<TestItem['priority']> | '';
  /** The operation (`GET /vms`) or page the test is about. */
  target: string;
  text: string;
}

export const NO_FILTERS: TestFilters = { kind: '', status: '', priority: '', target: '', text: '' };

/** One pass over the list, lower-casing the text once per test: ten thousand tests filter in a few ms. */
export function filterTests(tests: readonly TestItem[], filters: TestFilters): TestItem[] {
  const text = filters.text.trim().toLowerCase();
  return tests.filter(
    (test) =>
      (!filters.kind || test.kind === filters.kind) &&
      (!filters.status || test.status === filters.status) &&
      (!filters.priority || test.priority === filters.priority) &&
      (!filters.target || test.target === filters.target) &&
      (!text || test.title.toLowerCase().includes(text) || (test.target ?? '').toLowerCase().includes(text)),
  );
}

/** The operations and pages the tests are about, for the target filter's choices. */
export function testTargets(tests: readonly TestItem[]): string[] {
  return [
    ...new Set(tests.map((test) => test.target).filter((target): target is string => Boolean(target))),
  ].sort();
}
