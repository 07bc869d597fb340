import { describe, expect, it } from 'vitest';
import type { ManualCaseSet } from '../../../src/core/manual-case.ts';
import { summariseCaseSet } from '../../../src/emit/cases/case-summary.ts';
import { CSV_COLUMNS, csvCell } from '../../../src/emit/cases/emit-csv-cases.ts';
import { emitManualCases } from '../../../src/emit/cases/emit-manual-cases.ts';
import { allTargets } from '../../generation/cases/case-targets.ts';
import { parseCsv } from './emit-case-files.ts';

describe('CSV, Markdown and JSON cases', () => {
  it('CSV reads back with one row per case and the steps numbered in one cell', async () => {
    for (const [name, set] of await allTargets()) {
      const csv = emitManualCases(set, 'csv')['test-cases.csv']!;
      const rows = parseCsv(csv);
      expect(rows[0], name).toEqual(CSV_COLUMNS.map((column) => column.name));
      expect(rows.length - 1, name).toBe(set.cases.length);
      expect(
        rows.every((row) => row.length === CSV_COLUMNS.length),
        name,
      ).toBe(true);
      const [, first] = rows;
      const manualCase = set.cases[0]!;
      expect(first![1]).toBe(manualCase.title);
      expect(first![9]!.split('\n')).toHaveLength(manualCase.steps.length);
      expect(first![9]!.split('\n')[0]).toMatch(/^1\. Arrange: /);
    }
  });

  it('CSV quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });

  it('the CSV README documents every column; Markdown has one section per feature and a step table per case', async () => {
    const [, set] = (await allTargets()).find(([name]) => name === 'requirements en')!;
    const csvFiles = emitManualCases(set, 'csv');
    for (const column of CSV_COLUMNS) expect(csvFiles['README.md']).toContain(`| ${column.name} | `);
    const markdown = emitManualCases(set, 'markdown')['test-cases.md']!;
    const features = [...new Set(set.cases.map((manualCase) => manualCase.feature))];
    expect(markdown.match(/^## /gm)).toHaveLength(features.length);
    expect(markdown.match(/^### /gm)).toHaveLength(set.cases.length);
    expect(markdown.match(/^\| \d+ \| /gm)).toHaveLength(
      set.cases.reduce((sum, manualCase) => sum + manualCase.steps.length, 0),
    );
  });

  it('JSON is the case set itself; the summary counts kinds, features and priorities', async () => {
    const [, set] = (await allTargets()).find(([name]) => name === 'site model')!;
    const json = JSON.parse(emitManualCases(set, 'json')['test-cases.json']!) as ManualCaseSet;
    expect(json).toEqual(JSON.parse(JSON.stringify(set)));
    const summary = summariseCaseSet(set);
    expect(Object.values(summary.byKind).reduce((a, b) => a + b, 0)).toBe(set.cases.length);
    expect(Object.values(summary.byPriority).reduce((a, b) => a + b, 0)).toBe(set.cases.length);
    expect(summary.unused).toBe(set.unused);
  });
});
