import type { TestItem } from '../../api/api-types.ts';

const STATUSES: TestItem['status'][] = ['delivered', 'delivered', 'delivered', 'defect', 'flaky'];
const PRIORITIES: TestItem['priority'][] = ['critical', 'normal', 'low', null];
const OPERATIONS = [
  'GET /api/v1/vms',
  'POST /api/v1/vms',
  'GET /api/v1/disks',
  'DELETE /api/v1/disks/{disk_id}',
];

/** A list of generated tests shaped like the service's, for component tests and the list benchmark. */
export function sampleTests(count: number): TestItem[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    project_id: 'demo',
    request_id: '11111111-1111-4111-8111-111111111111',
    key: `test-${index}`,
    kind: index % 7 === 0 ? 'manual' : 'api',
    status: STATUSES[index % STATUSES.length]!,
    title: `${OPERATIONS[index % OPERATIONS.length]} case ${index}${index % 11 === 0 ? ' rejects a missing name' : ''}`,
    target: OPERATIONS[index % OPERATIONS.length]!,
    file: `tests/file-${index % 20}.spec.ts`,
    priority: PRIORITIES[index % PRIORITIES.length]!,
    version: 1,
    created_at: '2026-01-01T00:00:00.000Z',
  }));
}
