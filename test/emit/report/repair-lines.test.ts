import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../src/core/run-report.ts';
import { repairLines } from '../../../src/emit/report/repair-lines.ts';

const report = (repairs: RunReport['repairs']) => ({ repairs }) as RunReport;

describe('repairLines', () => {
  it('lists every repair with its failure class, change and outcome', () => {
    const lines = repairLines(
      report([
        {
          test: 'Configure page offers "Add to estimates"',
          mistake: 'locator-not-found',
          reason: 'locator not found',
          changes: ['line 1 (expect visible a|b): target → button-add-to-estimate'],
          outcome: 'delivered',
          detail: 'passed 3 of 3 runs',
        },
        {
          test: 'Basket',
          mistake: 'locator-not-found',
          reason: 'locator not found',
          changes: [],
          outcome: 'model-unavailable',
          detail: 'the model call failed: the original failure stands',
        },
      ]),
    );
    expect(lines[0]).toBe('## Test repairs');
    expect(lines.join('\n')).toContain('2 failed test(s)');
    expect(lines.join('\n')).toContain('; 1 passed every run once repaired');
    expect(lines).toContain(
      '| Configure page offers "Add to estimates" | locator-not-found | line 1 (expect visible a\\|b): target → button-add-to-estimate | delivered: passed 3 of 3 runs |',
    );
    expect(lines).toContain(
      '| Basket | locator-not-found | - | model-unavailable: the model call failed: the original failure stands |',
    );
  });

  it('adds nothing without repairs', () => {
    expect(repairLines(report(undefined))).toEqual([]);
    expect(repairLines(report([]))).toEqual([]);
  });
});
