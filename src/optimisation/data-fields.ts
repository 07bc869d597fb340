import { isDataExpression, type DataValue } from '../core/existing-test.ts';
import type { JsonSchema } from '../core/json-schema.ts';
import type { SchemaFields } from './schema-fields.ts';

/**
 * Fields a test sends that the schema does not name, as paths (`disks[].size_gb`). Values the
 * test computes (`{ $expr }`) are not looked into, and free-form objects accept anything.
 */
export function absentFields(
  value: DataValue | undefined,
  schema: JsonSchema | undefined,
  fields: SchemaFields,
  prefix = '',
): string[] {
  if (value === undefined || value === null || typeof value !== 'object' || isDataExpression(value))
    return [];
  if (Array.isArray(value)) {
    const items = fields.items(schema);
    return [...new Set(value.flatMap((item) => absentFields(item, items, fields, `${prefix}[]`)))];
  }
  const properties = fields.properties(schema);
  if (!properties) return [];
  return Object.entries(value).flatMap(([key, nested]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const property = properties.get(key);
    return property ? absentFields(nested, property, fields, path) : [path];
  });
}

/**
 * Whether a field path read from a response (`items.0.id`, `0.name`) exists in its schema;
 * true when the schema cannot tell (free-form, or no schema).
 */
export function fieldPathExists(path: string, schema: JsonSchema | undefined, fields: SchemaFields): boolean {
  let current = schema;
  for (const segment of path.split('.').filter(Boolean)) {
    if (!current) return true;
    if (/^\d+$/.test(segment)) {
      current = fields.items(current);
      continue;
    }
    const properties = fields.properties(current);
    if (!properties) return true;
    const next = properties.get(segment);
    if (!next) return false;
    current = next;
  }
  return true;
}
