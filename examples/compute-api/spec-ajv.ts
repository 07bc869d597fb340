import { Ajv } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import formatsModule from 'ajv-formats';
import type { OpenApiDocument, SchemaObject } from './openapi-document.ts';
import { openApiSchemaToJsonSchema } from './openapi-to-json-schema.ts';
import { uuid4Pattern, uuidPattern } from './uuid.ts';

// ajv-formats is CommonJS: under NodeNext tsc types its default import as the module object,
// while at runtime it is the plugin function itself. Accept both shapes.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
  formatsModule) as FormatsPlugin;

/** Registry id under which the spec's component schemas are known to Ajv. */
const componentsId = 'compute-api-openapi';

function rewriteRef(ref: string): string {
  return ref.startsWith('#/') ? `${componentsId}${ref}` : ref;
}

/** Converts a schema taken from anywhere in the spec so that its `$ref`s resolve in a spec Ajv. */
export function specSchemaToJsonSchema(schema: SchemaObject): SchemaObject {
  return openApiSchemaToJsonSchema(schema, { rewriteRef });
}

function collectFormats(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectFormats(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'format' && typeof child === 'string') found.add(child);
      else collectFormats(child, found);
    }
  }
  return found;
}

export interface SpecAjvOptions {
  /** Fill in `default`s of missing properties (used for query parameters). */
  useDefaults?: boolean;
}

/**
 * An Ajv that knows every component schema of the spec and every format it uses. Strict mode is
 * off because the spec carries OpenAPI annotations (`example`, `title` on arrays, …) that are
 * harmless but would otherwise abort compilation.
 */
export function createSpecAjv(document: OpenApiDocument, options: SpecAjvOptions = {}): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: false, useDefaults: options.useDefaults ?? false });
  addFormats(ajv);
  // ajv-formats accepts `urn:uuid:` prefixes; the API accepts plain canonical UUIDs only.
  ajv.addFormat('uuid', uuidPattern);
  ajv.addFormat('uuid4', uuid4Pattern);
  // Formats the spec uses that no library defines (e.g. ipv4PrivateNetwork) are permissive:
  // rejecting values for a rule nobody can check would fail valid requests.
  for (const format of collectFormats(document, new Set())) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
  }
  const schemas = document.components?.schemas ?? {};
  ajv.addSchema({
    $id: componentsId,
    components: {
      schemas: Object.fromEntries(
        Object.entries(schemas).map(([name, schema]) => [name, specSchemaToJsonSchema(schema)]),
      ),
    },
  });
  return ajv;
}
