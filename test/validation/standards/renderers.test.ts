import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkStandards,
  renderStandardsReport,
  type StandardsReport,
} from '../../../src/validation/standards/index.ts';
import { FIXTURES } from './fixture-files.ts';

let report: StandardsReport;

beforeAll(async () => {
  report = await checkStandards([join(FIXTURES, 'planted'), join(FIXTURES, 'allure-manual')]);
});

describe('standards report renderers', () => {
  it('prints JSON with the summary counts', () => {
    const json = JSON.parse(renderStandardsReport(report, 'json')) as StandardsReport;
    expect(json.summary).toMatchObject({ files: 5, tests: 20, errors: 12, warnings: 1, info: 0 });
    expect(typeof json.summary.score).toBe('number');
    const finding = json.files.flatMap((file) => file.findings)[0];
    expect(finding).toHaveProperty('recommendation');
    expect(finding).toHaveProperty('ruleId');
  });

  it('prints text grouped by file, with locations, rules and recommendations', () => {
    const text = renderStandardsReport(report, 'text');
    expect(text).toMatch(/test_planted_cases\.py {2}\(allure-manual, 7 tests, score \d+\)/);
    expect(text).toMatch(/ {2}22:9 +error +aaa-order +TestCheckoutPayment\.test_assert_before_act/);
    expect(text).toContain('→ Move the steps into Arrange, Act, Assert order');
    expect(text).toContain('1 file without findings.');
    expect(text.trimEnd().split('\n').pop()).toMatch(
      /^5 files, 20 tests: 12 errors, 1 warning, 0 info; score \d+\/100$/,
    );
  });

  it('prints Markdown tables', () => {
    const markdown = renderStandardsReport(report, 'markdown');
    expect(markdown).toContain('| 5 | 20 | 12 | 1 | 0 |');
    expect(markdown).toMatch(/\| 22:9 \| error \| `aaa-order` \|/);
  });

  it('prints JUnit XML that parses: a testcase per test, failures for errors', () => {
    const xml = renderStandardsReport(report, 'junit');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    }).parse(xml) as {
      testsuites: {
        failures: string;
        testsuite: { name: string; testcase: { name: string; failure?: { type: string } }[] }[];
      };
    };
    const cases = parsed.testsuites.testsuite.flatMap((suite) =>
      suite.testcase.map((test) => ({
        ...test,
        name: test.name === '(file)' ? `${suite.name} (file)` : test.name,
      })),
    );
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const misordered = cases.find((test) => test.name === 'TestCheckoutPayment.test_assert_before_act')!;
    expect(misordered.failure?.type).toBe('aaa-order');
    const broken = cases.find((test) => test.name.endsWith('test_broken_syntax.py (file)'))!;
    expect(broken.failure?.type).toBe('syntax');
    expect(Number(parsed.testsuites.failures)).toBeGreaterThanOrEqual(10);
  });
});
