import { describe, expect, it } from 'vitest';
import { unique } from '../../../src/emit/playwright-ts/runtime/values.ts';
import { renderExpression } from '../../../src/emit/playwright-ts/render-expression.ts';
import { renderPyExpression } from '../../../src/emit/pytest/render-expression.ts';

describe('run-unique values in the emitted suites', () => {
  it('are distinct, bounded and keep their ending', () => {
    const values = new Set(Array.from({ length: 200 }, () => unique('name', 64)));
    expect(values.size).toBe(200);
    for (const value of values) expect(value).toMatch(/^name[a-z0-9]{10}$/);
    expect(unique('qa', 20, '@example.com')).toMatch(/^qa[a-z0-9]{6}@example\.com$/);
  });

  it('have no digits when asked for letters, in the case asked for', () => {
    const lower = new Set(Array.from({ length: 200 }, () => unique('tag', 13, '', 'lower')));
    expect(lower.size).toBe(200);
    for (const value of lower) expect(value).toMatch(/^tag[a-z]{10}$/);
    expect(unique('CODE', 64, '', 'upper')).toMatch(/^CODE[A-Z]{10}$/);
  });

  it('are rendered with the letters argument in both languages', () => {
    const expr = { kind: 'unique', prefix: 'CODE', maxLength: 64, letters: 'upper' } as const;
    expect(renderExpression(expr)).toBe("unique('CODE', 64, '', 'upper')");
    expect(renderPyExpression(expr)).toBe('unique("CODE", 64, "", "upper")');
    expect(renderExpression({ kind: 'unique', prefix: 'n', maxLength: 9 })).toBe("unique('n', 9)");
  });
});
