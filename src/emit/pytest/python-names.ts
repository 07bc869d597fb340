/** Python identifiers derived from titles, groups and aliases of the case model. */

const KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for ' +
    'from global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

/** `GET /api/v1/disks rejects "PublicDiskResponse"` → `get_api_v1_disks_rejects_public_disk_response`. */
export function snakeCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** `compute disks` → `ComputeDisks`; letters keep their case (`VMs` stays `VMs`). */
export function pascalCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** `name`, or `name_2`, `name_3`… when a sibling already has it. Records the result in `used`. */
export function claimName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let suffix = 2; used.has(candidate); suffix++) candidate = `${name}_${suffix}`;
  used.add(candidate);
  return candidate;
}

/**
 * A resource alias as a local variable (`disk1`). Names the generated code already uses for
 * fixtures, helpers and step results get a suffix, as do Python keywords.
 */
export function pyVariableName(alias: string, reserved: ReadonlySet<string>): string {
  const name = snakeCase(alias) || 'resource';
  const safe = /^\d/.test(name) ? `_${name}` : name;
  const taken = KEYWORDS.has(safe) || reserved.has(safe) || /^(response|body)\d*$/.test(safe);
  return taken ? `${safe}_resource` : safe;
}
