import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStandards, fixStandards } from '../../../src/validation/standards/index.ts';
import { findAstPython } from '../../../src/validation/standards/parse/python-interpreter.ts';
import { copyFixture } from './fixture-files.ts';

const run = promisify(execFile);
let cleanUp: (() => Promise<void>) | undefined;

afterEach(async () => {
  await cleanUp?.();
  cleanUp = undefined;
});

describe('fixStandards (--fix)', () => {
  it('adds missing labels, registers the marker and reorders steps; the re-check has no errors', async () => {
    const { dir, remove } = await copyFixture('fixable');
    cleanUp = remove;
    const file = join(dir, 'test_fixable_cases.py');
    const before = await readFile(file, 'utf8');
    expect((await checkStandards([dir])).summary.errors).toBeGreaterThan(0);

    const report = await fixStandards([dir], { owner: 'qa.calc' });

    expect(report.summary.errors).toBe(0);
    expect((await checkStandards([dir])).summary.errors).toBe(0);
    const after = await readFile(file, 'utf8');
    const python = await findAstPython();
    await run(python, ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())', file]);
    expect(after).toContain('@allure.label("owner", "qa.calc")');
    expect(after).toContain('@pytest.mark.manual');
    expect(after).toContain('import pytest');
    expect(await readFile(join(dir, 'pytest.ini'), 'utf8')).toMatch(/markers =\n\s+manual:/);
    const descriptions = (report.fixes ?? []).map((fix) => `${fix.ruleId}: ${fix.description}`);
    expect(descriptions).toContain(
      'labels-required: added @allure.suite("UI") to class TestPriceCalculatorTotals',
    );
    expect(descriptions.some((d) => d.startsWith('aaa-order:') && d.includes('Arrange, Act, Assert'))).toBe(
      true,
    );
    expect(descriptions.some((d) => d.startsWith('marker-registered: created it'))).toBe(true);
    // Only added and moved lines: every line of the original is still there.
    const remaining = after.split('\n');
    for (const line of before.split('\n')) expect(remaining).toContain(line);
    const act = after.indexOf('Act: click Clear');
    const assert = after.indexOf('Assert: Expected: the total shows 0.00');
    expect(act).toBeLessThan(assert);
  });

  it('adds the marker to an existing pytest.ini and leaves what it cannot fix to a person', async () => {
    const { dir, remove } = await copyFixture('planted');
    cleanUp = remove;
    const ini = join(dir, 'pytest.ini');
    const original = (await readFile(ini, 'utf8')).replace('manual: ', 'smoke: ');
    await writeFile(ini, original);
    const report = await fixStandards([join(dir, 'test_planted_cases.py')]);
    const text = await readFile(ini, 'utf8');
    expect(text).toContain('    smoke: manual test cases');
    expect(text).toMatch(/\n {4}manual: /);
    const skipped = (report.fixes ?? []).filter((fix) => !fix.applied);
    expect(skipped.map((fix) => fix.description).join('\n')).toContain('add the link by hand');
    // The invalid tag, the naming and the empty Act are judgement calls: still reported.
    const rules = report.files.flatMap((file) => file.findings.map((finding) => finding.ruleId));
    expect(rules).toEqual(expect.arrayContaining(['labels-valid-values', 'naming-method', 'aaa-empty-act']));
    expect(rules).not.toContain('marker-registered');
  });
});
