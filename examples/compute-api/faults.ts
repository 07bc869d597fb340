// Seeded faults: each one flips exactly one observable behaviour of the correct server, so a
// generated test suite can be scored by how many of them it catches (mutation-style).
export const computeApiFaults = [
  { name: 'wrong-create-status', description: 'POST /api/v1/disks answers 200 instead of 201.' },
  {
    name: 'delete-does-not-delete',
    description: 'DELETE /api/v1/disks/{disk_id} answers 204 but the disk stays readable.',
  },
  {
    name: 'update-not-persisted',
    description: 'PUT /api/v1/disks/{disk_id} returns the updated disk but does not store the change.',
  },
  {
    name: 'auth-not-enforced',
    description: 'GET /api/v1/flavors/{flavor_id} is served without a token or with a wrong one.',
  },
  {
    name: 'missing-response-field',
    description: 'GET /api/v1/disks/{disk_id} omits the required `size` field.',
  },
  {
    name: 'boundary-500',
    description: 'POST /api/v1/disks with size 16384 (the documented maximum) answers 500.',
  },
  {
    name: 'wrong-content-type',
    description: 'GET /api/v1/flavors answers with Content-Type text/plain.',
  },
  {
    name: 'pagination-off-by-one',
    description: 'List endpoints return limit+1 items when more items exist.',
  },
  {
    name: 'invalid-enum-accepted',
    description: 'PUT /api/v1/vms accepts any `state` string and answers 204.',
  },
  {
    name: 'attach-ignores-missing-vm',
    description: 'POST /api/v1/disks/{disk_id}/attach with an unknown vm_id answers 200.',
  },
  {
    name: 'max-length-ignored',
    description: 'POST /api/v1/disks accepts a disk name longer than 64 characters.',
  },
  { name: 'not-found-500', description: 'GET /api/v1/vms/{vm_id} with an unknown id answers 500.' },
  {
    name: 'malformed-id-500',
    description: 'GET /api/v1/disks/{disk_id} with a non-UUID id answers 500 instead of 422.',
  },
  {
    name: 'wrong-token-accepted',
    description: 'Any Bearer token is accepted on every operation (a missing one is still 401).',
  },
  {
    name: 'required-query-ignored',
    description: 'GET /api/v1/vms without project_id answers 200 listing every VM.',
  },
  {
    name: 'read-after-delete-500',
    description: 'GET /api/v1/vms/{vm_id} of a deleted VM answers 500 instead of 404.',
  },
] as const;

export type ComputeApiFaultName = (typeof computeApiFaults)[number]['name'];

export const computeApiFaultNames: readonly ComputeApiFaultName[] = computeApiFaults.map(
  (fault) => fault.name,
);

export function isComputeApiFaultName(value: string): value is ComputeApiFaultName {
  return (computeApiFaultNames as readonly string[]).includes(value);
}

/**
 * Resolves the fault to seed: an explicit option wins (null = none), otherwise the environment
 * variable, so CLI runs can pick a variant without code changes. Unknown names fail loudly:
 * silently running the correct server would make a "caught" fault look missed.
 */
export function resolveComputeApiFault(
  option: ComputeApiFaultName | null | undefined,
  envValue: string | undefined,
): ComputeApiFaultName | null {
  const requested = option === undefined ? envValue?.trim() || null : option;
  if (requested === null) return null;
  if (!isComputeApiFaultName(requested)) {
    throw new Error(
      `Unknown compute-api fault "${String(requested)}". Valid faults: ${computeApiFaultNames.join(', ')}`,
    );
  }
  return requested;
}
