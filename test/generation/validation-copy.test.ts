import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../src/core/json-schema.ts';
import { SchemaContext } from '../../src/generation/api/schema-context.ts';
import { validationCopy } from '../../src/generation/api/validation-copy.ts';

describe('schemas handed to the validator', () => {
  // Seen in a real spec (box.com): examples holding "$id" made ajv refuse the whole document.
  it('survives ids inside examples and keeps properties named like keywords', () => {
    const item: JsonSchema = {
      type: 'object',
      required: ['default'],
      properties: { default: { type: 'string' }, meta: { type: 'object', example: { $id: 'dup' } } },
      example: { default: 'x', meta: { $id: 'dup' } },
    };
    const context = new SchemaContext({
      schemaDialect: 'draft-07',
      schemaDocument: { components: { schemas: { A: item, B: item } } },
    });
    expect(context.isValid({ $ref: '#/components/schemas/A' }, { default: 'x' })).toBe(true);
    expect(context.isValid({ $ref: '#/components/schemas/B' }, {})).toBe(false);
    expect(validationCopy(item)).toEqual({
      type: 'object',
      required: ['default'],
      properties: { default: { type: 'string' }, meta: { type: 'object' } },
    });
  });
});
