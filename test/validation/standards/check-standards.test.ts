import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStandards } from '../../../src/validation/standards/index.ts';
import { allFindings, FIXTURES, lineOf } from './fixture-files.ts';

const PLANTED = join(FIXTURES, 'planted');
const CASES = join(PLANTED, 'test_planted_cases.py');
const MORE_CASES = join(PLANTED, 'test_planted_more_cases.py');
const AUTOTEST = join(PLANTED, 'test_autotest_security.py');
const BROKEN = join(PLANTED, 'test_broken_syntax.py');

describe('checkStandards on Allure TestOps as code', () => {
  it('finds nothing wrong in a correct file of 3 classes and 10 cases', async () => {
    const report = await checkStandards([join(FIXTURES, 'allure-manual')]);
    expect(allFindings(report)).toEqual([]);
    expect(report.summary).toMatchObject({ files: 1, tests: 10, errors: 0, warnings: 0, score: 100 });
    expect(report.files[0]!.kind).toBe('allure-manual');
  });

  it('reports every planted problem with its rule id and line', async () => {
    const report = await checkStandards([PLANTED]);
    const found = allFindings(report).map(
      (finding) => `${finding.file.split('/').pop()}:${finding.line} ${finding.ruleId}`,
    );
    const expected: [string, string, string][] = [
      [CASES, 'planted: assert-before-act', 'aaa-order'],
      [CASES, 'planted: empty-act', 'aaa-empty-act'],
      [CASES, 'planted: invalid-tag', 'labels-valid-values'],
      [CASES, 'planted: duplicate-title', 'duplicate-title'],
      [CASES, 'planted: method-naming', 'naming-method'],
      [CASES, 'planted: class-naming', 'naming-class'],
      [CASES, 'planted: missing-labels', 'labels-required'],
      [MORE_CASES, 'planted: duplicate-across-files', 'duplicate-title-across-files'],
      [AUTOTEST, 'planted: bearer', 'security-secret'],
      [AUTOTEST, 'planted: subprocess', 'security-shell'],
      [AUTOTEST, 'planted: host', 'security-foreign-host'],
      [BROKEN, 'planted: syntax', 'syntax'],
    ];
    for (const [file, marker, ruleId] of expected)
      expect(found).toContain(`${file.split('/').pop()}:${await lineOf(file, marker)} ${ruleId}`);
  });

  it('names what is missing and what is invalid', async () => {
    const findings = allFindings(await checkStandards([PLANTED]));
    const missing = findings.find((finding) => finding.ruleId === 'labels-required')!;
    expect(missing.message).toContain('owner, feature, link');
    expect(missing.test).toBe('checkout_delivery_cases.test_express_delivery_offered');
    expect(findings.find((finding) => finding.ruleId === 'labels-valid-values')!.message).toContain('"HIGH"');
    const host = findings.find((finding) => finding.ruleId === 'security-foreign-host')!;
    expect(host.message).toContain('evil.example.com');
    const secret = findings.find((finding) => finding.ruleId === 'security-secret')!;
    // The report shows where the token is, never the token itself.
    expect(secret.message).not.toContain('cGxhbnRlZC1zaWduYXR1cmU');
  });

  it('checks the other files when one does not parse', async () => {
    const report = await checkStandards([PLANTED]);
    const broken = report.files.find((file) => file.file.endsWith('test_broken_syntax.py'))!;
    expect(broken.findings.map((finding) => finding.ruleId)).toEqual(['syntax']);
    expect(broken.findings[0]!.message).toMatch(/Python syntax error: .*':'/);
    expect(report.summary.files).toBe(4);
    expect(report.summary.tests).toBe(10);
    expect(report.files.filter((file) => file.findings.some((f) => f.ruleId !== 'syntax'))).toHaveLength(3);
  });

  it('gives each finding a location, severity and recommendation, and scores the tests', async () => {
    const report = await checkStandards([PLANTED]);
    for (const finding of allFindings(report)) {
      expect(finding.line).toBeGreaterThan(0);
      expect(finding.column).toBeGreaterThan(0);
      expect(['error', 'warning', 'info']).toContain(finding.severity);
      expect(finding.recommendation.length).toBeGreaterThan(10);
    }
    const cases = report.files.find((file) => file.file.endsWith('test_planted_cases.py'))!;
    const clean = cases.tests.find((test) => test.id === 'TestCheckoutPayment.test_cart_survives_sign_in')!;
    const misordered = cases.tests.find((test) => test.id === 'TestCheckoutPayment.test_assert_before_act')!;
    expect(clean.score).toBe(100);
    expect(misordered.score).toBe(80);
    expect(report.summary.score).toBeGreaterThan(0);
    expect(report.summary.score).toBeLessThan(100);
  });

  it('allows the --target host and reports any other', async () => {
    const allowed = await checkStandards([AUTOTEST], { target: 'https://evil.example.com' });
    expect(allFindings(allowed).map((finding) => finding.ruleId)).not.toContain('security-foreign-host');
  });

  it('explains a missing path as bad input', async () => {
    await expect(checkStandards(['nowhere/tests'])).rejects.toMatchObject({
      code: 'TESTOPS_SOURCE_NOT_FOUND',
      where: 'nowhere/tests',
    });
  });
});
