import { describe, expect, it } from 'vitest';
import { modelStandardsErrors } from '../../src/pipeline/standards-gate.ts';

// Model output becomes code only through the standards check: errors the model's contribution
// brings are found by checking the suite with it beside the suite without it.
const spec = (fill: string) => `import { test, expect } from '@playwright/test';

test.describe('Configure VM', () => {
  test('Rule: 100 instances are refused', async ({ page }) => {
    await test.step('arrange: open /configure/vm', async () => {
      await page.goto('/configure/vm');
    });
    await test.step('act: enter a value', async () => {
      await page.getByLabel('Number of instances').fill('${fill}');
    });
    await test.step('assert: the field is invalid', async () => {
      await expect(page.getByLabel('Number of instances')).toHaveAttribute('aria-invalid', 'true');
    });
  });
});
`;

describe('the standards gate for model output', () => {
  it('finds a hard-coded credential the model put into a test', async () => {
    const errors = await modelStandardsErrors(
      { 'tests/configure-vm.spec.ts': spec('AKIAABCDEFGHIJKLMNOP') },
      { 'tests/configure-vm.spec.ts': spec('100') },
      'http://127.0.0.1:4310',
    );
    expect(errors.map((error) => error.ruleId)).toEqual(['security-secret']);
    expect(errors[0]!.message).not.toContain('AKIAABCDEFGHIJKLMNOP');
  });

  it('reports nothing when the model added no error the deterministic suite lacks', async () => {
    const files = { 'tests/configure-vm.spec.ts': spec('100'), 'package.json': '{}' };
    expect(await modelStandardsErrors(files, files, undefined)).toEqual([]);
  });
});
