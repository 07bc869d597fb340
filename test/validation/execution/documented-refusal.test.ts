import { describe, expect, it } from 'vitest';
import { documentedRefusal } from '../../../src/validation/execution/documented-refusal.ts';

const failed = (status: number | undefined, expected = 'status 400', testKind = 'negative') => ({
  testKind,
  status,
  operation: 'POST /user-admin/reset-password',
  expected,
});

describe('invalid input refused with another status the operation documents', () => {
  it('is no finding: the 404 a converted number met is a refusal the document promises', () => {
    expect(documentedRefusal(failed(404), ['200', '400', '401', '403', '404'])).toMatch(
      /refused the invalid input with 404, a status its document lists, where the test expected 400/,
    );
    expect(documentedRefusal(failed(403, 'status 400 or 422'), ['200', '403'])).toBeDefined();
    expect(documentedRefusal(failed(409), ['200', '4XX'])).toBeDefined();
  });

  it('stays a finding when the status is undocumented, a success, a 5xx, or not about the input', () => {
    const documented = ['200', '400', '401', '404', '429', '500'];
    expect(documentedRefusal(failed(404), ['200', '400'])).toBeUndefined();
    expect(documentedRefusal(failed(200), documented)).toBeUndefined();
    expect(documentedRefusal(failed(500), documented)).toBeUndefined();
    expect(documentedRefusal(failed(401), documented)).toBeUndefined();
    expect(documentedRefusal(failed(429), documented)).toBeUndefined();
    expect(documentedRefusal(failed(undefined), documented)).toBeUndefined();
  });

  it('applies to negative cases only: a success test refused is judged elsewhere', () => {
    expect(documentedRefusal(failed(404, 'status 201', 'positive'), ['201', '404'])).toBeUndefined();
    expect(documentedRefusal(failed(404, 'status 201'), ['201', '404'])).toBeUndefined();
  });
});
