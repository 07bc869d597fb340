import type { JsonSchema } from './json-schema.ts';
import { kindOf, type SchemaFlattener } from './resource-id-path.ts';

/**
 * How to tell a usable item of a list from one switched off: `enabled: true`, `archived: false`.
 * A thing read from a list stands in for one the suite cannot make; a disabled environment or an
 * archived project is listed but refused by the operations that act on it.
 */
export interface UsableItemFlag {
  field: string;
  value: boolean;
}

// Most telling first: a flag saying the item is on, then one saying it is gone or off.
const FLAGS: UsableItemFlag[] = [
  { field: 'enabled', value: true },
  { field: 'active', value: true },
  { field: 'disabled', value: false },
  { field: 'archived', value: false },
  { field: 'deleted', value: false },
];

/** The boolean field of a list's items that marks the usable ones, if the items have one. */
export function usableItemFlag(
  schemas: SchemaFlattener,
  listSchema: JsonSchema | undefined,
  arrayPath: string,
): UsableItemFlag | undefined {
  if (!listSchema) return undefined;
  let array = schemas.flatten(listSchema);
  if (arrayPath !== '') array = schemas.flatten(array.properties?.[arrayPath]);
  const properties = schemas.flatten(array.items).properties ?? {};
  return FLAGS.find(
    (flag) => flag.field in properties && kindOf(schemas.flatten(properties[flag.field])) === 'boolean',
  );
}
