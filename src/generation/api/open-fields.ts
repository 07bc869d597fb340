import type { JsonSchema } from '../../core/json-schema.ts';
import type { RequestSpec, ValueExpr } from '../../core/test-case.ts';
import type { ValueRepairs } from './value-repairs.ts';

/** A request field the model may give a value: one the request fills with a plain literal. */
export interface OpenField {
  in: 'body' | 'query';
  path: string[];
  value: unknown;
  /** The field's documented schema, flattened. */
  schema: JsonSchema;
}

/**
 * The body and query fields `request` fills with a literal — not ids of created resources,
 * variables or unique names, which the suite owns — each with its documented schema.
 */
export function openFields(operation: string, request: RequestSpec, checker: ValueRepairs): OpenField[] {
  const fields: Omit<OpenField, 'schema'>[] = [];
  for (const [name, expr] of Object.entries(request.query))
    if (expr.kind === 'literal') fields.push({ in: 'query', path: [name], value: expr.value });
  if (request.body && request.body.kind === 'json') collect(request.body.value, [], fields);
  return fields.flatMap((field) => {
    const schema = checker.fieldSchema({ operation, in: field.in, path: field.path });
    return schema ? [{ ...field, schema }] : [];
  });
}

function collect(expr: ValueExpr, path: string[], into: Omit<OpenField, 'schema'>[]): void {
  if (expr.kind === 'literal' && path.length > 0) into.push({ in: 'body', path, value: expr.value });
  else if (expr.kind === 'object')
    for (const [name, child] of Object.entries(expr.entries)) collect(child, [...path, name], into);
}

/** What the model needs of a field's schema: small, so a batch stays well inside any context. */
export function compactSchema(schema: JsonSchema): Record<string, unknown> {
  const keep = [
    'type',
    'format',
    'enum',
    'minimum',
    'maximum',
    'minLength',
    'maxLength',
    'pattern',
    'description',
    'minItems',
    'maxItems',
  ] as const;
  const compact: Record<string, unknown> = {};
  for (const name of keep) if (schema[name] !== undefined) compact[name] = schema[name];
  return compact;
}
