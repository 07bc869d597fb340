/**
 * A copy of a schema document fit for a validator. Examples, defaults and extensions are data,
 * not schema: ajv still walks them when collecting ids, so an example holding `"$id"` (seen in
 * real specs) would register as a duplicate schema id. They are dropped; enum and const values,
 * which validation needs, keep their content minus such ids.
 */
export function validationCopy<T>(node: T): T {
  return strip(node, false) as T;
}

const DATA_ONLY = new Set(['example', 'examples', 'default']);
/** Keywords whose keys are names (a property called "default" is not the keyword). */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'schemas',
  'dependentSchemas',
  'components',
]);

function strip(node: unknown, insideData: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => strip(item, insideData));
  if (node === null || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (insideData && (key === '$id' || key === 'id')) continue;
    if (!insideData && (DATA_ONLY.has(key) || key.startsWith('x-'))) continue;
    result[key] =
      !insideData && NAME_MAPS.has(key)
        ? stripNamed(value)
        : strip(value, insideData || key === 'enum' || key === 'const');
  }
  return result;
}

function stripNamed(map: unknown): unknown {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return strip(map, false);
  return Object.fromEntries(Object.entries(map).map(([name, schema]) => [name, strip(schema, false)]));
}
