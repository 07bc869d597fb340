import { describe, expect, it } from 'vitest';
import type { RecordedExchange } from '../../../src/core/run-report.ts';
import { coercionEvidence, toleratedCoercion } from '../../../src/validation/execution/coercion-evidence.ts';

const exchange = (sent: unknown, answer: string | undefined, status = 200): RecordedExchange => ({
  request: { method: 'POST', url: 'http://127.0.0.1/x', headers: {}, body: JSON.stringify(sent) },
  response: answer === undefined ? undefined : { status, headers: {}, body: answer },
});

describe('what a server kept of a value of the wrong type', () => {
  it('tells a converted value from one kept as sent, changed, or not shown', () => {
    const sent = { name: 12345, born: '1970-01-01' };
    expect(coercionEvidence(exchange(sent, '{"id":1,"name":"12345"}'), 'name')).toBe('converted');
    expect(coercionEvidence(exchange(sent, '{"id":1,"name":12345}'), 'name')).toBe('kept-as-sent');
    expect(coercionEvidence(exchange(sent, '{"id":1,"name":"12,345"}'), 'name')).toBe('changed');
    expect(coercionEvidence(exchange(sent, '{"id":1}'), 'name')).toBe('unseen');
    expect(coercionEvidence(exchange(sent, ''), 'name')).toBe('unseen');
    expect(coercionEvidence(exchange(sent, undefined), 'name')).toBe('unseen');
  });

  it('finds the field in an envelope or the first item of a list, and a numeric string stored as a number', () => {
    expect(coercionEvidence(exchange({ title: 7 }, '{"book":{"title":"7"}}'), 'title')).toBe('converted');
    expect(coercionEvidence(exchange([{ title: 7 }], '[{"title":"7"}]'), '0.title')).toBe('converted');
    expect(coercionEvidence(exchange({ pages: '12' }, '{"pages":12}'), 'pages')).toBe('converted');
  });

  it('accepts a converted value only under lenient conformance', () => {
    expect(toleratedCoercion({ coercion: 'converted' }, 'lenient')).toContain('type coercion');
    expect(toleratedCoercion({ coercion: 'converted' }, 'strict')).toBeUndefined();
    expect(toleratedCoercion({ coercion: 'kept-as-sent' }, 'lenient')).toBeUndefined();
    expect(toleratedCoercion({ coercion: 'unseen' }, 'lenient')).toBeUndefined();
  });
});
