import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApi } from '../../../src/pipeline/generate-api.ts';
import { analyseStandards, checkStandards } from '../../../src/validation/standards/index.ts';
import { allFindings, scratchDir } from './fixture-files.ts';

// The suites our own emitters write are the reference for autotests: they must pass the check.
let scratch: Awaited<ReturnType<typeof scratchDir>>;

beforeAll(async () => {
  scratch = await scratchDir('generated');
  for (const format of ['playwright-ts', 'pytest'] as const)
    await generateApi({
      spec: 'examples/compute-api/openapi.yaml',
      outDir: join(scratch.dir, format),
      format,
    });
});

afterAll(() => scratch?.remove());

describe('checkStandards on the generated compute API suites', () => {
  it.each(['playwright-ts', 'pytest'])('finds no errors in the %s suite', async (format) => {
    const report = await checkStandards([join(scratch.dir, format)]);
    expect(report.summary.files).toBe(3);
    expect(report.summary.tests).toBeGreaterThan(200);
    expect(allFindings(report).filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(report.files.every((file) => file.kind === (format === 'pytest' ? 'pytest' : 'playwright'))).toBe(
      true,
    );
  });

  it('reads the steps of the generated tests (Arrange/Act/Assert) in both languages', async () => {
    const { report, files } = await analyseStandards([
      join(scratch.dir, 'pytest'),
      join(scratch.dir, 'playwright-ts'),
    ]);
    expect(report.summary.errors).toBe(0);
    for (const language of ['python', 'typescript']) {
      const phases = files
        .filter((file) => file.language === language)
        .flatMap((file) => file.tests.flatMap((test) => test.steps.map((step) => step.text?.split(':')[0])));
      expect(new Set(phases)).toEqual(new Set(['Arrange', 'Act', 'Assert']));
    }
    // A pytest test and its Playwright twin share a title: not a duplicate across kinds.
    expect(allFindings(report).map((finding) => finding.ruleId)).not.toContain(
      'duplicate-title-across-files',
    );
  });
});
