import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStandards } from '../../../src/validation/standards/index.ts';
import { allFindings, scratchDir } from './fixture-files.ts';

// Playwright specs with planted problems live only in a temp folder: as files of this repo they
// would be type-checked and linted with it.
const SPEC = `import { exec } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test.describe('Checkout', () => {
  test('pays by card', async ({ page }) => {
    await test.step('Assert: the order is paid', async () => {
      await expect(page.getByText('Paid')).toBeVisible();
    });
    await test.step('Act: pay with the test card', async () => {
      await page.getByRole('button', { name: 'Pay' }).click();
    });
  });

  test('pays by card', async ({ page }) => {
    await test.step('Act: open the help page', async () => {
      await page.goto('https://evil.example.com/help');
    });
    await test.step('Assert: the help page shows', async () => {
      await expect(page).toHaveTitle(/Help/);
    });
  });

  test('exports the receipt', async ({ request }) => {
    const token = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';
    await test.step('Act: export', async () => {});
    expect(token).toBeTruthy();
    exec('rm -rf /tmp/receipts');
    writeFileSync('/etc/receipt.txt', 'x');
    await request.get('/api/receipt', { headers: { Authorization: token } });
  });
});
`;

let scratch: Awaited<ReturnType<typeof scratchDir>>;

beforeAll(async () => {
  scratch = await scratchDir('playwright');
  await writeFile(join(scratch.dir, 'checkout.spec.ts'), SPEC);
  await writeFile(join(scratch.dir, 'broken.spec.ts'), "test('x', async () => {\n  const a = ;\n});\n");
  await writeFile(join(scratch.dir, 'Cart_Tests.test.ts'), "import { test } from '@playwright/test';\n");
});

afterAll(() => scratch?.remove());

/** 1-based line of the nth line containing the needle. */
function lineIn(text: string, needle: string, nth = 1): number {
  const lines = text.split('\n');
  const matches = lines.flatMap((line, index) => (line.includes(needle) ? [index + 1] : []));
  return matches[nth - 1] ?? 0;
}

describe('checkStandards on Playwright specs (TypeScript compiler AST)', () => {
  it('reports order, duplicates, empty Act, secrets, shell, writes and foreign hosts with their lines', async () => {
    const report = await checkStandards([scratch.dir]);
    const found = allFindings(report)
      .filter((finding) => finding.file.endsWith('checkout.spec.ts'))
      .map((finding) => `${finding.line} ${finding.ruleId}`);
    expect(found).toEqual(
      expect.arrayContaining([
        `${lineIn(SPEC, "'Assert: the order is paid'")} aaa-order`,
        `${lineIn(SPEC, "test('pays by card'", 2)} duplicate-title`,
        `${lineIn(SPEC, "'Act: export'")} aaa-empty-act`,
        `${lineIn(SPEC, 'ghp_')} security-secret`,
        `${lineIn(SPEC, 'exec(')} security-shell`,
        `${lineIn(SPEC, 'writeFileSync(')} security-file-write`,
        `${lineIn(SPEC, 'evil.example.com')} security-foreign-host`,
      ]),
    );
  });

  it('reports TypeScript syntax errors and still checks the other specs', async () => {
    const report = await checkStandards([scratch.dir]);
    const broken = report.files.find((file) => file.file.endsWith('broken.spec.ts'))!;
    expect(broken.findings[0]).toMatchObject({ ruleId: 'syntax', line: 2, severity: 'error' });
    expect(report.files.find((file) => file.file.endsWith('checkout.spec.ts'))!.tests).toHaveLength(3);
  });

  it('reports a spec file that is not named *.spec.ts', async () => {
    const report = await checkStandards([scratch.dir]);
    const misnamed = report.files.find((file) => file.file.endsWith('Cart_Tests.test.ts'))!;
    expect(misnamed.findings.map((finding) => finding.ruleId)).toEqual(['naming-file']);
  });
});
