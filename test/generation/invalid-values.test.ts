import { describe, expect, it } from 'vitest';
import { invalidValues } from '../../src/generation/api/invalid-values.ts';
import { sampleValue } from '../../src/generation/api/sample-value.ts';
import { SchemaContext } from '../../src/generation/api/schema-context.ts';

const context = new SchemaContext({
  schemaDialect: 'draft-07',
  schemaDocument: {
    components: {
      schemas: {
        Name: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-zA-Z][a-zA-Z0-9.\\-_]*$' },
        Node: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { $ref: '#/components/schemas/Name' },
            child: { $ref: '#/components/schemas/Node' },
          },
        },
      },
    },
  },
});

describe('generated values', () => {
  it('samples a valid value for a recursive schema', () => {
    const value = sampleValue(context, { $ref: '#/components/schemas/Node' });
    expect(context.isValid({ $ref: '#/components/schemas/Node' }, value)).toBe(true);
  });

  it('breaks exactly one documented constraint per invalid value, each verified invalid', () => {
    const schema = { $ref: '#/components/schemas/Name' };
    const values = invalidValues(context, schema, { wire: 'json' });
    expect(values.map((value) => value.kind).sort()).toEqual(['maxLength', 'minLength', 'pattern', 'type']);
    for (const value of values) expect(context.isValid(schema, value.value)).toBe(false);
    const tooLong = values.find((value) => value.kind === 'maxLength')!.value as string;
    expect(tooLong).toHaveLength(65);
    expect(/^[a-zA-Z][a-zA-Z0-9.\-_]*$/.test(tooLong)).toBe(true);
  });

  it('treats exclusive bounds as their own boundary', () => {
    const values = invalidValues(
      context,
      { type: 'integer', exclusiveMinimum: 0, maximum: 100 },
      { wire: 'text' },
    );
    expect(values.map((value) => value.value)).toEqual(['not-a-number', 101, 0]);
  });
});
