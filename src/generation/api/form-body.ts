import { isFileSchema, type JsonSchema } from '../../core/json-schema.ts';
import type { ValueExpr } from '../../core/test-case.ts';
import { sampleValue } from './sample-value.ts';
import type { SchemaContext } from './schema-context.ts';

/** What every generated upload carries: small, plain text, recognisable in the target's storage. */
export const UPLOAD_TEXT = 'Uploaded by a TestOps Copilot suite.\n';

/**
 * A `multipart/form-data` body from its schema: every file property (`format: binary`, or a
 * `contentMediaType`/`contentEncoding` string) becomes a small text file with a run-unique name,
 * so a later download by name can find it; required text fields get sampled values.
 */
export function formBody(
  context: SchemaContext,
  schema: JsonSchema,
): { fields: Record<string, unknown>; files: Record<string, ValueExpr> } {
  const flat = context.flatten(schema);
  const required = new Set(flat.required ?? []);
  const fields: Record<string, unknown> = {};
  const files: Record<string, ValueExpr> = {};
  for (const [name, property] of Object.entries(flat.properties ?? {})) {
    const resolved = context.flatten(property);
    if (isFileSchema(resolved)) files[name] = filePart(name);
    else if (required.has(name)) fields[name] = sampleValue(context, resolved);
  }
  return { fields, files };
}

function filePart(field: string): ValueExpr {
  const prefix = (field.replace(/[^a-zA-Z0-9]/g, '') || 'upload').slice(0, 12);
  return {
    kind: 'object',
    entries: {
      name: { kind: 'unique', prefix: `${prefix}-`, maxLength: 64 },
      mimeType: { kind: 'literal', value: 'text/plain' },
      text: { kind: 'literal', value: UPLOAD_TEXT },
    },
  };
}
