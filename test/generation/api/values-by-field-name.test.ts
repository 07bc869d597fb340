import { describe, expect, it } from 'vitest';
import { fieldMeaning } from '../../../src/core/field-values.ts';
import { sampleValue } from '../../../src/generation/api/sample-value.ts';
import { SchemaContext } from '../../../src/generation/api/schema-context.ts';
import { SampleValues } from '../../../src/generation/cases/api-sample-values.ts';
import { SchemaView } from '../../../src/generation/cases/schema-view.ts';

// A real server validates what its schema leaves as a bare string: "sample" is no email.
const context = new SchemaContext({
  schemaDialect: 'draft-07',
  schemaDocument: { components: { schemas: {} } },
});
const text = { type: 'string' as const };
const signUp = {
  type: 'object' as const,
  required: ['email', 'username', 'password', 'avatar_url', 'phone', 'born', 'publishedAt', 'locale', 'body'],
  properties: Object.fromEntries(
    ['email', 'username', 'password', 'avatar_url', 'phone', 'born', 'publishedAt', 'locale', 'body'].map(
      (name) => [name, text],
    ),
  ),
};

describe('values chosen by what a field is called', () => {
  it('gives bare strings values a server accepts for what their names say', () => {
    expect(sampleValue(context, signUp)).toEqual({
      email: 'qa.user@example.com',
      username: 'qauser',
      password: expect.stringMatching(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^\w]).{12,}$/),
      avatar_url: 'https://example.com/images/qa.png',
      phone: '+14155550123',
      born: '2024-01-15',
      publishedAt: '2024-01-15T10:30:00.000Z',
      locale: 'en',
      body: 'Created by an automated API test.',
    });
  });

  it('lets the schema win: an enum, a pattern or a length the name-based value breaks', () => {
    const schema = {
      type: 'object' as const,
      required: ['email', 'locale', 'currency'],
      properties: {
        email: { type: 'string' as const, enum: ['ops@corp.test'] },
        locale: { type: 'string' as const, pattern: '^[a-z]{2}-[A-Z]{2}$' },
        currency: { type: 'string' as const, maxLength: 2 },
      },
    };
    expect(sampleValue(context, schema)).toEqual({ email: 'ops@corp.test', locale: 'en-US', currency: 'sa' });
  });

  it('does not read a meaning into names that only end like one', () => {
    expect(fieldMeaning('description')?.kind).toBe('text');
    expect(fieldMeaning('format')).toBeUndefined();
    expect(fieldMeaning('first_name')?.kind).toBe('first name');
    expect(fieldMeaning('created_at')?.kind).toBe('date-time');
    expect(fieldMeaning('emailAddress')).toMatchObject({
      kind: 'email',
      unique: true,
      suffix: '@example.com',
    });
  });

  it('manual cases use the same knowledge', () => {
    const values = new SampleValues(
      new SchemaView({ schemaDocument: { components: { schemas: {} } } } as never),
      'user',
    );
    expect(values.value(text, 'email', 1)).toBe('qa.user@example.com');
    expect(values.value(text, 'website', 1)).toBe('https://example.com/qa');
  });
});
